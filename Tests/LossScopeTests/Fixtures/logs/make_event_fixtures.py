# Writes the TensorBoard event-file fixtures of LogFormatTests with TensorBoard's own writer.
# Run from this folder: python3 make_event_fixtures.py (needs `pip install tensorboard`).
# Values are chosen to be exact in float32 so the test can compare them exactly.
import glob, os, shutil, tempfile

from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.plugins.scalar import summary_v2
from tensorboard.summary.writer.event_file_writer import EventFileWriter


def write(name, events):
    folder = tempfile.mkdtemp()
    writer = EventFileWriter(folder)
    for event in events:
        writer.add_event(event)
    writer.close()
    (path,) = glob.glob(os.path.join(folder, "events.out.tfevents.*"))
    shutil.move(path, name)
    shutil.rmtree(folder)


def simple(step, tag, value):
    value = summary_pb2.Summary.Value(tag=tag, simple_value=value)
    return event_pb2.Event(wall_time=1700000000.0 + step, step=step, summary=summary_pb2.Summary(value=[value]))


def tensor(step, tag, value):
    # summary_v2.scalar_pb: the scalar as TF2's tf.summary.scalar stores it, a float32 tensor.
    return event_pb2.Event(wall_time=1700000000.5 + step, step=step, summary=summary_v2.scalar_pb(tag, value))


os.makedirs("run", exist_ok=True)
write("run/events.out.tfevents.1700000000.simple",
      [simple(s, "loss", 2.0 - 0.125 * s) for s in range(10)] + [simple(s, "val_loss", 2.5 - 0.25 * (s // 3)) for s in range(0, 10, 3)])
write("events.out.tfevents.1700000000.tensor", [tensor(s, "Loss/train", 1.0 / (1 + s)) for s in range(8)])
