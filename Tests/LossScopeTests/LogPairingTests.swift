// Pairing as each library names its metrics (Lightning, Keras, Hugging Face, TensorBoard, add_scalars' folders), and which way is good for each.

import Testing

@testable import LossLogs

@Suite struct LogPairingTests {
  func pair(_ train: String, _ val: String? = nil) -> LogPair { LogPair(train: train, val: val) }

  @Test func goalsByName() {
    for name in ["loss", "val_loss", "Loss/train", "train_loss_epoch", "top1_error", "nll", "eval/perplexity", "mse", "val_mae",
                 "rmse", "wer", "cer", "dice_loss", "iou_loss", "total_loss", "loss_rpn_cls"] {
      #expect(LogGoal.of(name) == .min, "\(name)")
    }
    for name in ["accuracy", "val_accuracy", "train_acc_epoch", "f1", "eval_f1", "auc", "mAP", "bbox/AP", "iou", "dice", "precision",
                 "recall", "bleu", "rouge", "top1", "val/top5", "epoch_accuracy", "fast_rcnn/cls_accuracy"] {
      #expect(LogGoal.of(name) == .max, "\(name)")
    }
    for name in ["eval_runtime", "learning_rate", "lr", "grad_norm", "epoch", "score", "rpn/num_pos_anchors", "accumulate"] {
      #expect(LogGoal.of(name) == nil, "\(name)")
    }
    #expect(LogGoal.of("score", overrides: [("sc*", .max)]) == .max)
    #expect(LogGoal.of("loss", overrides: [("loss", .max), ("loss", .min)]) == .min)
    #expect(LogGoal.parse("reward=max")! == ("reward", .max))
    #expect(LogGoal.parse("a=b=min")! == ("a=b", .min))
    #expect(LogGoal.parse("reward") == nil && LogGoal.parse("=min") == nil && LogGoal.parse("x=up") == nil)
  }

  @Test func lightningPairsTheEpochSeriesAndKeepsTheStepSeries() {
    // self.log("train_loss", on_step=True, on_epoch=True) and self.log("val_loss") (on_epoch only).
    #expect(LogPairing.pairs(["train_loss_step", "train_loss_epoch", "val_loss"]) == [pair("train_loss_epoch", "val_loss"), pair("train_loss_step")])
    #expect(LogPairing.pairs(["train_loss_step", "val_loss_step", "val_loss_epoch", "train_loss_epoch"])
      == [pair("train_loss_epoch", "val_loss_epoch"), pair("train_loss_step"), pair("val_loss_step")])
    #expect(LogPairing.pairs(["train_acc_step", "train_acc_epoch", "val_acc", "train_loss", "val_loss"])
      == [pair("train_acc_epoch", "val_acc"), pair("train_loss", "val_loss"), pair("train_acc_step")])
  }

  @Test func kerasPairsByValPrefix() {
    #expect(LogPairing.pairs(["accuracy", "loss", "val_accuracy", "val_loss", "learning_rate"])
      == [pair("accuracy", "val_accuracy"), pair("loss", "val_loss")])
  }

  @Test func huggingFacePairsEvalAndNeverItsBookkeeping() {
    let names = ["loss", "grad_norm", "learning_rate", "eval_loss", "eval_accuracy", "eval_runtime", "eval_samples_per_second",
                 "eval_steps_per_second", "train_runtime", "train_samples_per_second", "train_steps_per_second", "total_flos",
                 "train_loss", "train_tokens_per_second"]
    #expect(LogPairing.pairs(names) == [pair("loss", "eval_loss"), pair("loss", "eval_accuracy"), pair("train_loss")])
    for name in ["eval_runtime", "train_samples_per_second", "eval_steps_per_second", "total_flos", "epoch", "learning_rate", "lr",
                 "grad_norm", "momentum", "eta_seconds", "data_time"] {
      #expect(LogPairing.isBookkeeping(name), "\(name)")
    }
    #expect(!LogPairing.isBookkeeping("train_loss_epoch") && !LogPairing.isBookkeeping("epoch_loss"))
  }

  @Test func tensorBoardTagsPair() {
    #expect(LogPairing.pairs(["loss/train", "loss/val"]) == [pair("loss/train", "loss/val")])
    #expect(LogPairing.pairs(["train/loss", "val/loss"]) == [pair("train/loss", "val/loss")])
    #expect(LogPairing.pairs(["Loss/train", "Loss/validation"]) == [pair("Loss/train", "Loss/validation")])
    #expect(LogPairing.pairs(["Accuracy/train", "Accuracy/test", "Loss/train", "Loss/test"])
      == [pair("Accuracy/train", "Accuracy/test"), pair("Loss/train", "Loss/test")])
    // detectron2 names its loss total_loss; a validation hook logs validation_loss.
    #expect(LogPairing.pairs(["total_loss", "validation_loss", "lr", "time"]) == [pair("total_loss", "validation_loss")])
  }

  @Test func withNothingKnownEveryMetricButBookkeepingStandsAloneUnjudged() {
    #expect(LogPairing.pairs(["reward", "lr"]) == [pair("reward")])
    #expect(LogPairing.pairs(["lr"]) == [pair("lr")])
    #expect(LogPairing.pairs(["reward", "lr"], goals: [("reward", .max)]) == [pair("reward")])
  }

  func run(_ name: String, _ metrics: [String]) -> LogRun {
    var run = LogRun(name: name, format: .tfevents)
    for m in metrics { run.adopt(LogSeries(metric: m, xs: [0, 1], values: [1, 2]), as: m) }
    return run
  }

  @Test func siblingFoldersPairAsOneRun() {
    // add_scalars("loss", {"train": ..., "val": ...}) beside the main writer's own scalars.
    let units = LogPairing.units([run("logs", ["lr"]), run("logs/loss_train", ["loss"]), run("logs/loss_val", ["loss"])])
    #expect(units.map(\.name) == ["logs"])
    #expect(units[0].series.map(\.metric) == ["lr", "loss_train", "loss_val"])
    #expect(LogPairing.pairs(units[0].series.map(\.metric)) == [pair("loss_train", "loss_val")])
    // Keras's TensorBoard callback: train/ and validation/ with the same tags.
    let keras = LogPairing.units([run("logs/train", ["epoch_loss", "epoch_accuracy"]), run("logs/validation", ["epoch_loss", "epoch_accuracy"])])
    #expect(keras.map(\.name) == ["logs"])
    #expect(LogPairing.pairs(keras[0].series.map(\.metric))
      == [pair("train/epoch_loss", "validation/epoch_loss"), pair("train/epoch_accuracy", "validation/epoch_accuracy")])
    // Runs that do not pair stay as they are.
    let apart = [run("a/one", ["loss"]), run("a/two", ["loss"])]
    #expect(LogPairing.units(apart).map(\.name) == ["a/one", "a/two"])
  }
}
