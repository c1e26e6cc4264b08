# Writes the per-library fixtures of LogLibraryTests: a learning, an overfitting, a plateau and a
# diverging run, each with a loss and an accuracy, laid out as each library writes them.
# Run from this folder: python3 make_log_fixtures.py [FORMAT ...] (default: all). tensorboardX,
# mlflow and wandb write their own files (pip install tensorboardX mlflow wandb); Lightning,
# Keras, Hugging Face and detectron2 are not installed here, so their writers' code is followed
# line by line (csv.DictWriter as Lightning's and Keras's CSVLoggers call it, json.dumps as
# TrainerState.save_to_json and detectron2's JSONWriter call it).
# Also writes expected.json: every value each library's own reader returns, for the tests.
import csv, glob, json, math, os, shutil, sys, tempfile

import numpy as np

EPOCHS, STEPS_PER_EPOCH, LOG_EVERY = 30, 50, 10
SCENARIOS = ["learning", "overfitting", "plateau", "diverging"]


def curves(scenario, t):
    """(train loss, val loss) at epoch t (a float: steps are fractions of an epoch)."""
    if scenario == "learning":
        return 0.3 + 2 * math.exp(-t / 12), 0.4 + 2 * math.exp(-t / 12)
    if scenario == "overfitting":
        return 0.1 + 2 * math.exp(-t / 8), 0.5 + 1.5 * math.exp(-t / 5) + 0.03 * t
    if scenario == "plateau":
        return 0.69 + math.exp(-t / 2), 0.72 + math.exp(-t / 2)
    return 0.8 * math.exp(t / 15), 0.9 * math.exp(t / 15)  # diverging


def accuracy(loss):
    return 0.98 * math.exp(-loss / 2)


def f32(x):
    """What a float32 tensor's .item() gives back."""
    return float(np.float32(x))


def run(scenario, seed):
    """Step rows (step, epoch, loss, acc) and epoch rows (epoch, last step, train loss, train acc, val loss, val acc)."""
    rng = np.random.default_rng(seed)
    steps, epochs = [], []
    for e in range(EPOCHS):
        losses = []
        for b in range(STEPS_PER_EPOCH):
            step = e * STEPS_PER_EPOCH + b
            train, _ = curves(scenario, step / STEPS_PER_EPOCH)
            loss = f32(train * (1 + 0.04 * rng.standard_normal()))
            losses.append(loss)
            if (b + 1) % LOG_EVERY == 0:
                steps.append((step, e, loss, f32(accuracy(loss))))
        _, val = curves(scenario, e + 1)
        vloss = f32(val * (1 + 0.01 * rng.standard_normal()))
        tloss = f32(sum(losses) / len(losses))
        epochs.append((e, (e + 1) * STEPS_PER_EPOCH - 1, tloss, f32(accuracy(tloss)), vloss, f32(accuracy(vloss))))
    return steps, epochs


def seed_of(scenario):
    return 1 + SCENARIOS.index(scenario)


# MARK: - Lightning


def lightning(folder, scenario, limit=None):
    """CSVLogger's metrics.csv for self.log("train_loss", on_step=True, on_epoch=True) (and train_acc),
    self.log("val_loss"), self.log("val_acc"): rows as log_metrics receives them, keys sorted,
    blank cells where a metric was not logged (lightning/fabric/loggers/csv_logs.py)."""
    steps, epochs = run(scenario, seed_of(scenario))
    rows = []
    for e, last, tloss, tacc, vloss, vacc in epochs:
        rows += [{"train_loss_step": l, "train_acc_step": a, "epoch": ep, "step": s} for s, ep, l, a in steps if ep == e]
        rows.append({"val_loss": vloss, "val_acc": vacc, "epoch": e, "step": last})
        rows.append({"train_loss_epoch": tloss, "train_acc_epoch": tacc, "epoch": e, "step": last})
    if limit:
        rows = rows[:limit]
    keys = sorted(set().union(*rows))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "metrics.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=keys)
        writer.writeheader()
        writer.writerows(rows)


# MARK: - Hugging Face


def trainer_state(folder, scenario):
    """Trainer's trainer_state.json: log_history as Trainer._maybe_log_save_evaluate and
    Trainer.train log it (loss rounded to 4 digits), json.dumps(indent=2, sort_keys=True)."""
    steps, epochs = run(scenario, seed_of(scenario))
    history = []
    for e, last, tloss, tacc, vloss, vacc in epochs:
        for s, ep, l, a in steps:
            if ep == e:
                history.append({"epoch": round((s + 1) / STEPS_PER_EPOCH, 2), "grad_norm": f32(1.5 + 0.1 * (s % 7)),
                                "learning_rate": 5e-05 * (1 - (s + 1) / (EPOCHS * STEPS_PER_EPOCH)), "loss": round(l, 4), "step": s + 1})
        history.append({"epoch": float(e + 1), "eval_accuracy": vacc, "eval_loss": vloss, "eval_runtime": 1.2345,
                        "eval_samples_per_second": 810.2, "eval_steps_per_second": 101.3, "step": last + 1})
    history.append({"epoch": float(EPOCHS), "step": EPOCHS * STEPS_PER_EPOCH, "total_flos": 1.234e15, "train_loss": epochs[-1][2],
                    "train_runtime": 321.5, "train_samples_per_second": 150.2, "train_steps_per_second": 4.67})
    state = {"best_metric": None, "best_model_checkpoint": None, "epoch": float(EPOCHS), "eval_steps": 500,
             "global_step": EPOCHS * STEPS_PER_EPOCH, "is_hyper_param_search": False, "is_local_process_zero": True,
             "is_world_process_zero": True, "log_history": history, "logging_steps": LOG_EVERY,
             "max_steps": EPOCHS * STEPS_PER_EPOCH, "num_train_epochs": EPOCHS, "save_steps": 500, "total_flos": 1.234e15,
             "train_batch_size": 8, "trial_name": None, "trial_params": None}
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "trainer_state.json"), "w") as f:
        f.write(json.dumps(state, indent=2, sort_keys=True) + "\n")


# MARK: - tensorboardX


def tensorboardx(folder, scenario):
    """tensorboardX's SummaryWriter: add_scalar("Loss/train"...) per logged step,
    add_scalar("Loss/val"...) and the accuracies per epoch."""
    from tensorboardX import SummaryWriter

    steps, epochs = run(scenario, seed_of(scenario))
    shutil.rmtree(folder, ignore_errors=True)
    writer = SummaryWriter(folder)
    for e, last, tloss, tacc, vloss, vacc in epochs:
        for s, ep, l, a in steps:
            if ep == e:
                writer.add_scalar("Loss/train", l, s, walltime=1700000000 + s)
                writer.add_scalar("Accuracy/train", a, s, walltime=1700000000 + s)
        writer.add_scalar("Loss/val", vloss, last, walltime=1700000000 + last)
        writer.add_scalar("Accuracy/val", vacc, last, walltime=1700000000 + last)
    writer.close()


def add_scalars(folder, scenario):
    """add_scalars("loss", {"train": ..., "val": ...}): one subfolder per key, loss_train/ and loss_val/."""
    from tensorboardX import SummaryWriter

    steps, epochs = run(scenario, seed_of(scenario))
    shutil.rmtree(folder, ignore_errors=True)
    writer = SummaryWriter(folder)
    for e, last, tloss, tacc, vloss, vacc in epochs:
        writer.add_scalars("loss", {"train": tloss, "val": vloss}, last, walltime=1700000000 + last)
        writer.add_scalar("lr", 0.1, last, walltime=1700000000 + last)
    writer.close()


def torch_add_scalars(folder, scenario):
    """torch.utils.tensorboard's add_scalars writes each key in <logdir>/<main_tag>_<key>/ with the
    tag main_tag (torch is not installed here: its FileWriter is tensorboardX's, at that path)."""
    from tensorboardX import FileWriter
    from tensorboardX.summary import scalar

    steps, epochs = run(scenario, seed_of(scenario))
    shutil.rmtree(folder, ignore_errors=True)
    writers = {key: FileWriter(os.path.join(folder, "loss_" + key)) for key in ["train", "val"]}
    for e, last, tloss, tacc, vloss, vacc in epochs:
        for key, value in [("train", tloss), ("val", vloss)]:
            writers[key].add_summary(scalar("loss", value), last, walltime=1700000000 + last)
    for w in writers.values():
        w.close()


def restarts(folder):
    """TensorBoard's restart semantics (EventAccumulator._MaybePurgeOrphanedData):
    resumed/: a job logs steps 0..149, dies, and is resumed from its checkpoint at step 100: the new
    writer's file starts with SessionLog.START at step 100 and logs 100..149 again (200 points, 150 kept).
    oldversion/: a file of version 1 whose steps go back from 99 to 50 (100 points after the purge).
    incomplete/: the resumed run's first file cut inside its last record."""
    from tensorboardX import SummaryWriter
    from tensorboardX.proto.event_pb2 import Event, SessionLog
    from tensorboardX.proto.summary_pb2 import Summary
    from tensorboardX.record_writer import RecordWriter

    shutil.rmtree(folder, ignore_errors=True)
    resumed = os.path.join(folder, "resumed")
    first = SummaryWriter(resumed, filename_suffix=".0")
    for s in range(150):
        first.add_scalar("loss", 2.0 - s / 100, s, walltime=1700000000 + s)
    first.close()
    second = SummaryWriter(resumed, filename_suffix=".1")
    second.file_writer.add_event(Event(step=100, wall_time=1700001000, session_log=SessionLog(status=SessionLog.START)))
    for s in range(100, 150):
        second.add_scalar("loss", 1.0 - s / 1000, s, walltime=1700001000 + s)
    second.close()
    old = os.path.join(folder, "oldversion")
    os.makedirs(old)
    w = RecordWriter(os.path.join(old, "events.out.tfevents.1700000000.old"))
    w.write(Event(wall_time=1700000000, file_version="brain.Event:1").SerializeToString())
    for i, s in enumerate(list(range(100)) + list(range(50, 100))):
        value = 3.0 - s / 50 if i < 100 else 2.5 - s / 50  # the second pass is another job's
        w.write(Event(wall_time=1700000000 + s, step=s, summary=Summary(value=[Summary.Value(tag="loss", simple_value=value)])).SerializeToString())
        w.write(Event(wall_time=1700000000 + s, step=s, summary=Summary(value=[Summary.Value(tag="lr", simple_value=0.5)])).SerializeToString())
    w.close()
    cut = os.path.join(folder, "incomplete")
    os.makedirs(cut)
    (path,) = sorted(glob.glob(os.path.join(resumed, "*.0")))
    data = open(path, "rb").read()
    open(os.path.join(cut, os.path.basename(path)), "wb").write(data[:-7])


# MARK: - Keras


def keras(folder, scenario):
    """keras.callbacks.CSVLogger("training.log"): on_epoch_end as Keras 3 writes it (csv.excel,
    so lines end with CRLF; epoch first, then the logs' keys sorted; NA where a key is missing).
    The plateau run validates every second epoch (validation_freq=2), as its NA cells show."""
    steps, epochs = run(scenario, seed_of(scenario))
    freq = 2 if scenario == "plateau" else 1
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "training.log"), "w", newline="") as f:
        keys, writer = None, None
        for e, last, tloss, tacc, vloss, vacc in epochs:
            logs = {"accuracy": tacc, "loss": tloss}
            if (e + 1) % freq == 0:
                logs.update(val_accuracy=vacc, val_loss=vloss)
            if keys is None:
                keys = sorted(logs.keys())
                if not any(k.startswith("val_") for k in keys):
                    keys.extend(["val_" + k for k in keys])
                writer = csv.DictWriter(f, fieldnames=["epoch"] + keys, dialect=csv.excel)
                writer.writeheader()
            row = {"epoch": e}
            row.update((k, logs.get(k, "NA")) for k in keys)
            writer.writerow(row)


# MARK: - detectron2


def detectron2(folder, scenario):
    """detectron2's JSONWriter (metrics.json): every 20 iterations, json.dumps(sort_keys=True) of
    latest_with_smoothing_hint(20): the losses and accuracies the median of their last 20 values,
    lr, eta_seconds and the evaluation (validation_loss, bbox/AP every 100 iterations, put with
    smoothing_hint=False) as they are."""
    rng = np.random.default_rng(seed_of(scenario))
    history = {}
    os.makedirs(folder, exist_ok=True)
    total = EPOCHS * STEPS_PER_EPOCH
    with open(os.path.join(folder, "metrics.json"), "w") as f:
        for it in range(total):
            train, val = curves(scenario, it / STEPS_PER_EPOCH)
            loss = float(np.float32(train * (1 + 0.08 * rng.standard_normal())))
            parts = {"loss_cls": 0.6 * loss, "loss_box_reg": 0.4 * loss}
            scalars = dict(parts, total_loss=sum(parts.values()), **{"fast_rcnn/cls_accuracy": accuracy(loss)},
                           data_time=0.002 + 0.001 * rng.random(), time=0.2 + 0.01 * rng.random())
            for k, v in scalars.items():
                history.setdefault(k, []).append(v)
            if (it + 1) % 20 == 0:
                row = {k: float(np.median(v[-20:])) for k, v in history.items()}
                row.update(lr=0.02, eta_seconds=0.2 * (total - it - 1), iteration=it)
                if (it + 1) % 100 == 0:
                    row["validation_loss"] = val * (1 + 0.01 * rng.standard_normal())
                    row["bbox/AP"] = 100 * accuracy(val)
                f.write(json.dumps(row, sort_keys=True) + "\n")


# MARK: - MLflow


def mlflow_runs(uri):
    """With MLflow itself: an experiment `lossscope` with a run per scenario, logged as Keras's
    autolog logs (loss, accuracy, val_loss, val_accuracy at step = epoch) plus the learning rate,
    and a run `nonfinite` that logs NaN and infinities."""
    import mlflow
    from mlflow.tracking import MlflowClient

    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment("lossscope")
    for scenario in SCENARIOS:
        steps, epochs = run(scenario, seed_of(scenario))
        with mlflow.start_run(run_name=scenario):
            for e, last, tloss, tacc, vloss, vacc in epochs:
                t = 1700000000000 + 1000 * e
                for key, value in [("loss", tloss), ("accuracy", tacc), ("val_loss", vloss), ("val_accuracy", vacc), ("lr", 0.001)]:
                    mlflow.log_metric(key, value, step=e, timestamp=t)
    with mlflow.start_run(run_name="nonfinite"):
        for s, v in enumerate([1.0, float("nan"), float("inf"), float("-inf"), 0.5]):
            mlflow.log_metric("loss", v, step=s, timestamp=1700000000000 + s)
        mlflow.log_metric("val/loss", 2.0, step=1, timestamp=1700000000100)
        mlflow.log_metric("val/loss", 1.0, step=1, timestamp=1700000000050)  # logged out of time order


def scrub_mlflow(where):
    """Drops the tags MLflow takes from this repository's git checkout (commit, branch); the
    database is repacked in 512-byte pages (MLflow's 200-odd tables and indexes take a page each)."""
    import sqlite3

    if where.endswith(".db"):
        db = sqlite3.connect(where)
        db.execute("DELETE FROM tags WHERE key LIKE 'mlflow.source.git%'")
        db.commit()
        db.execute("PRAGMA page_size = 512")
        db.execute("VACUUM")
        db.close()
    else:
        for path in glob.glob(os.path.join(where, "*", "*", "tags", "mlflow.source.git.*")):
            os.remove(path)


def mlflow_file(folder):
    """MLflow's file store (mlruns/<experiment>/<run>/metrics/<key>), kept for reading by
    MLFLOW_ALLOW_FILE_STORE=true since 3.7."""
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    shutil.rmtree(folder, ignore_errors=True)
    mlflow_runs("file:" + os.path.abspath(folder))
    scrub_mlflow(folder)


def mlflow_db(folder):
    """MLflow's SQLite store, its default since 3.7: mlflow.db."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    mlflow_runs("sqlite:///" + os.path.abspath(os.path.join(folder, "mlflow.db")))
    scrub_mlflow(os.path.join(folder, "mlflow.db"))


# MARK: - W&B


def wandb_runs(folder):
    """With wandb itself, offline (WANDB_MODE=offline): a run per scenario as a training script logs
    it, run.log({"train/loss", "train/acc"}) every logged step and run.log({"val/loss", "val/acc",
    "epoch"}) at each epoch's end; a run `rows` with a row of 1500 keys (a record split over W&B's
    32 KiB blocks), NaN and infinities, and a nested dict. Only the run files are kept (wandb's
    meta, stats, git and console capture are off, so they hold no path, host or repository of this
    machine); each is moved to <folder>/<scenario>/run-<id>.wandb."""
    import wandb

    shutil.rmtree(folder, ignore_errors=True)
    work = tempfile.mkdtemp()
    os.environ.update(WANDB_MODE="offline", WANDB_SILENT="true", WANDB_DIR=work)
    settings = wandb.Settings(disable_git=True, x_disable_meta=True, x_disable_stats=True, console="off", save_code=False,
                              disable_job_creation=True, x_disable_machine_info=True)

    def finish(run, name):
        run.finish()
        (path,) = glob.glob(os.path.join(work, "wandb", "offline-run-*-" + run.id, "run-*.wandb"))
        os.makedirs(os.path.join(folder, name), exist_ok=True)
        shutil.move(path, os.path.join(folder, name, os.path.basename(path)))

    for scenario in SCENARIOS:
        steps, epochs = run(scenario, seed_of(scenario))
        r = wandb.init(project="lossscope", name=scenario, settings=settings)
        for e, last, tloss, tacc, vloss, vacc in epochs:
            for s, ep, l, a in steps:
                if ep == e:
                    r.log({"train/loss": l, "train/acc": a}, step=s)
            r.log({"val/loss": vloss, "val/acc": vacc, "epoch": e}, step=last)
        finish(r, scenario)
    r = wandb.init(project="lossscope", name="rows", settings=settings)
    r.log({"loss": 1.0, "nested": {"x": 0.5}}, step=0)
    r.log({"big/k%04d" % i: i / 7 for i in range(1500)}, step=1)
    r.log({"loss": float("nan"), "nested": {"x": float("inf")}}, step=2)
    r.log({"loss": float("-inf"), "note": "text is skipped"}, step=3)
    r.log({"loss": 0.25}, step=4)
    finish(r, "rows")
    shutil.rmtree(work)


def keras_tensorboard(folder, scenario):
    """keras.callbacks.TensorBoard(log_dir): train/ and validation/ runs with the tags epoch_loss
    and epoch_accuracy at step = epoch (Keras is not installed here: tensorboardX's writer, at
    those paths, with those tags)."""
    from tensorboardX import SummaryWriter

    steps, epochs = run(scenario, seed_of(scenario))
    shutil.rmtree(folder, ignore_errors=True)
    train, val = SummaryWriter(os.path.join(folder, "train")), SummaryWriter(os.path.join(folder, "validation"))
    for e, last, tloss, tacc, vloss, vacc in epochs:
        for writer, loss, acc in [(train, tloss, tacc), (val, vloss, vacc)]:
            writer.add_scalar("epoch_loss", loss, e, walltime=1700000000 + e)
            writer.add_scalar("epoch_accuracy", acc, e, walltime=1700000000 + e)
    train.close()
    val.close()


FORMATS = {
    "lightning": lightning,
    "trainer_state": trainer_state,
    "tensorboardx": tensorboardx,
    "add_scalars": add_scalars,
    "torch_add_scalars": torch_add_scalars,
    "keras": keras,
    "keras_tensorboard": keras_tensorboard,
    "detectron2": detectron2,
}


def main():
    wanted = sys.argv[1:] or list(FORMATS)
    for name in [n for n in wanted if n in FORMATS]:
        for scenario in SCENARIOS:
            FORMATS[name](os.path.join(name, scenario), scenario)
    if not sys.argv[1:] or "wandb" in sys.argv[1:]:
        wandb_runs("wandb")
    for name, make in [("mlflow_file", mlflow_file), ("mlflow_db", mlflow_db)]:
        if not sys.argv[1:] or name in sys.argv[1:]:
            make(os.path.join(name, "mlruns") if name == "mlflow_file" else name)
    if not sys.argv[1:] or "restarts" in sys.argv[1:]:
        restarts("restarts")
    if "lightning" in wanted:
        lightning(os.path.join("lightning", "first12"), "overfitting", limit=11)  # 11 rows + the header


if __name__ == "__main__":
    main()
