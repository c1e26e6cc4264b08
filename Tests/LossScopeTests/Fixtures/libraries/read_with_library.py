# Prints what a library's own reader returns for a log, as JSON: {run: {metric: [[step, value], ...]}}.
# Usage: python3 read_with_library.py tensorboard FOLDER   (EventMultiplexer: runs as TensorBoard names them)
#        python3 read_with_library.py tensorboard-keep FOLDER  (purge_orphaned_data=False)
#        python3 read_with_library.py mlflow MLRUNS_OR_DB  (MlflowClient().get_metric_history)
#        python3 read_with_library.py wandb RUN.wandb  (wandb's own DataStore, history rows' value_json)
#        python3 read_with_library.py csv FILE [STEP]  (csv.DictReader; STEP: the step column, else the row's index)
#        python3 read_with_library.py json FILE STEP  (json.loads of each line)
#        python3 read_with_library.py trainer-state FILE  (json.load, then log_history's entries by their step)
# Values are printed with repr, so that they round-trip exactly; NaN and infinities as strings.
import json, math, os, sys


def number(v):
    v = float(v)
    return repr(v) if not math.isfinite(v) else v


def tensorboard(folder, purge=True):
    from tensorboard.backend.event_processing import event_multiplexer

    mux = event_multiplexer.EventMultiplexer(size_guidance={"scalars": 0}, purge_orphaned_data=purge)
    mux.AddRunsFromDirectory(folder)
    mux.Reload()
    out = {}
    for run, tags in sorted(mux.Runs().items()):
        out[run] = {tag: [[e.step, number(e.value)] for e in mux.Scalars(run, tag)] for tag in tags["scalars"]}
    return out


def mlflow_store(where):
    os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")  # the file store reads only with it since 3.7
    import mlflow
    from mlflow.tracking import MlflowClient

    # The committed stores name their folder /fixtures/...: MLflow reads a file store only where
    # its meta.yaml files say it is, so a copy is told where it now lies.
    if not where.endswith(".db"):
        import re, shutil, tempfile
        copy = os.path.join(tempfile.mkdtemp(), "mlruns")
        shutil.copytree(where, copy)
        for folder, _, files in os.walk(copy):
            for name in files:
                if name == "meta.yaml":
                    meta = os.path.join(folder, name)
                    text = re.sub(r"file://\S*?/mlruns", "file://" + copy, open(meta).read())
                    open(meta, "w").write(text)
                    if "run_id:" in text:  # git keeps no empty folder; MLflow wants each run's
                        for sub in ("artifacts", "metrics", "params", "tags"):
                            os.makedirs(os.path.join(folder, sub), exist_ok=True)
        where = copy
    uri = "sqlite:///" + os.path.abspath(where) if where.endswith(".db") else "file://" + os.path.abspath(where)
    client = MlflowClient(tracking_uri=uri)
    out = {}
    for exp in client.search_experiments():
        for run in client.search_runs([exp.experiment_id]):
            # The file store's runs by folder, the database's by name, as lossscope names them.
            name = exp.name + "/" + run.info.run_name if where.endswith(".db") else exp.experiment_id + "/" + run.info.run_id
            out[name] = {key: [[m.step, number(m.value)] for m in client.get_metric_history(run.info.run_id, key)]
                         for key in sorted(run.data.metrics)}
    return out


def wandb_file(path):
    """wandb 0.31 writes run files from its Go core and ships no Python reader of them: the
    records are read here by the format wandb's datastore has always used (a 7-byte :W&B header,
    32 KiB blocks, each record's zlib CRC-32 checked), each parsed with wandb's own
    wandb_internal_pb2.Record, each history value with json.loads."""
    import struct, zlib
    from wandb.proto import wandb_internal_pb2

    data = open(path, "rb").read()
    assert data[:7] == b":W&B\xe1\xbe\x00"
    at, pending, out = 7, b"", {}
    while len(data) - at >= 7:
        left = 32768 - at % 32768
        if left < 7:
            at += left
            continue
        crc, length, kind = struct.unpack("<IHB", data[at:at + 7])
        if (crc, length, kind) == (0, 0, 0):
            at += left
            continue
        piece = data[at + 7:at + 7 + length]
        assert zlib.crc32(bytes([kind]) + piece) & 0xFFFFFFFF == crc, at
        at += 7 + length
        pending = piece if kind in (1, 2) else pending + piece
        if kind not in (1, 4):
            continue
        record = wandb_internal_pb2.Record()
        record.ParseFromString(pending)
        if record.WhichOneof("record_type") != "history":
            continue
        row = {item.key or ".".join(item.nested_key): item.value_json for item in record.history.item}
        step = json.loads(row["_step"]) if "_step" in row else record.history.step.num
        for key, text in row.items():
            value = json.loads(text)
            if key.startswith("_") or not isinstance(value, (int, float)) or isinstance(value, bool):
                continue
            out.setdefault(key, []).append([step, number(value)])
    return {path: out}


def csv_file(path, step=None):
    import csv

    out = {}
    with open(path, newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            x = float(row[step]) if step else i
            for key, cell in row.items():
                if key in (step, "epoch", "step") or cell in ("", "NA"):
                    continue
                out.setdefault(key, []).append([x, number(cell)])
    return {path: out}


def json_lines(path, step):
    out = {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            for key, value in row.items():
                if key != step and isinstance(value, (int, float)) and not isinstance(value, bool):
                    out.setdefault(key, []).append([row[step], number(value)])
    return {path: out}


def trainer_state(path):
    out = {}
    with open(path) as f:
        for row in json.load(f)["log_history"]:
            for key, value in row.items():
                if key not in ("step", "epoch") and isinstance(value, (int, float)) and not isinstance(value, bool):
                    out.setdefault(key, []).append([row["step"], number(value)])
    return {path: out}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    result = {"tensorboard": lambda: tensorboard(path), "tensorboard-keep": lambda: tensorboard(path, False),
              "mlflow": lambda: mlflow_store(path), "wandb": lambda: wandb_file(path),
              "csv": lambda: csv_file(path, *sys.argv[3:]), "json": lambda: json_lines(path, sys.argv[3]),
              "trainer-state": lambda: trainer_state(path)}[kind]()
    print(json.dumps(result, sort_keys=True))
