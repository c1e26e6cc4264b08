// Parameter settings that the gradient and reference tests run every view at.

let settingsByView: [(view: String, settings: [[String: String]])] = [
  ("ce", [[:], ["axis": "logit"]]),
  ("mse", [[:], ["axis": "logit"]]),
  ("focal", [[:], ["gamma": "0.5", "alpha": "0.25"], ["gamma": "5", "axis": "logit"], ["gamma": "10", "alpha": "0.5"]]),
  ("anchor", [[:], ["gamma": "2", "slack": "0.2", "qneg": "0.7"],
              ["gamma": "0.1", "slack": "0", "qneg": "0", "axis": "logit"], ["gamma": "5", "qneg": "1"]]),
  ("anchor-neg", [[:], ["gamma": "2", "ptarget": "0.9", "slack": "0.1"],
                  ["gamma": "0.3", "ptarget": "1", "slack": "0", "axis": "logit"]]),
  ("ghmc", [[:], ["bins": "10", "momentum": "0"], ["bins": "100", "hard": "0.1", "axis": "logit"]]),
  ("circle", [[:], ["margin": "0.4", "scale": "80", "sn": "0.5"], ["axis": "sn"],
              ["axis": "sn", "margin": "0.1", "scale": "32", "sp": "0.2"], ["scale": "1024"]]),
  ("nce", [[:], ["k": "1", "logq": "0", "sneg": "3"], ["k": "1000", "logq": "-30", "sneg": "-40"],
           ["k": "100000", "logq": "-2.5", "sneg": "-12"]]),
  ("infonce", [[:], ["temperature": "1", "negatives": "1", "sneg": "0.5"],
               ["temperature": "0.5", "negatives": "65536", "sneg": "-0.3"]]),
  ("infonce-neg", [[:], ["temperature": "0.2", "negatives": "1"],
                   ["temperature": "2", "negatives": "1000", "sneg": "0.5", "spos": "-0.2"]]),
  ("npair", [[:], ["negatives": "1", "sneg": "0.8"], ["negatives": "10000", "sneg": "-1"]]),
  ("ms-pos", [[:], ["alpha": "10", "lambda": "0.5", "count": "5"], ["alpha": "0.1", "lambda": "-1"]]),
  ("ms-neg", [[:], ["beta": "10", "lambda": "0.5", "count": "3"], ["beta": "0.5", "lambda": "0"]]),
  ("arcface", [[:], ["margin": "0.2", "scale": "16", "classes": "1000", "thetaneg": "60"], ["axis": "cos"],
               ["axis": "cos", "margin": "1.2", "scale": "8", "thetaneg": "120"], ["margin": "0"]]),
  ("cosface", [[:], ["margin": "0.1", "scale": "30", "classes": "2", "thetaneg": "100"], ["axis": "cos"],
               ["axis": "cos", "margin": "0.9", "scale": "4"]]),
  ("contrastive", [[:], ["pair": "dissimilar"], ["pair": "dissimilar", "margin": "0.5"]]),
  ("triplet", [[:], ["squared": "true"], ["soft": "true"], ["soft": "true", "squared": "true", "dap": "1.5"],
               ["margin": "1", "dap": "1"]]),
  ("lifted", [[:], ["margin": "0.5", "dneg": "1.5", "negatives": "10"]]),
  ("proxy-nca", [[:], ["scale": "8", "classes": "100", "dneg": "1"]]),
  ("ranked-list", [[:], ["alpha": "1", "margin": "0.2"], ["axis": "dneg"],
                   ["axis": "dneg", "temperature": "2", "others": "5", "dother": "0.8"], ["axis": "dneg", "others": "0"]]),
  ("center", [[:], ["lambda": "0.01"]]),
  ("label-smoothing", [[:], ["axis": "logit"], ["epsilon": "0.3", "classes": "1000"], ["epsilon": "1", "classes": "2"],
                       ["epsilon": "0"]]),
  ("poly1", [[:], ["axis": "logit"], ["epsilon": "-1"], ["epsilon": "-1", "gamma": "2"], ["epsilon": "4", "gamma": "0.5"]]),
  ("asl", [[:], ["gamma-pos": "1"], ["side": "negative"], ["side": "negative", "clip": "0", "axis": "logit"],
           ["side": "negative", "gamma-neg": "0.5", "clip": "0.3"], ["side": "negative", "gamma-neg": "0"]]),
  ("qfl", [[:], ["q": "0"], ["q": "1", "beta": "1"], ["q": "0.3", "beta": "0.5"], ["q": "0.8", "beta": "0", "axis": "logit"]]),
  ("varifocal", [[:], ["q": "0"], ["q": "0", "alpha": "0.25", "gamma": "5", "axis": "logit"], ["q": "1"]]),
  ("smooth-l1", [[:], ["beta": "0.1111111111111111"], ["beta": "0"]]),
  ("huber", [[:], ["delta": "0.5"], ["delta": "5"]]),
  ("ghmr", [[:], ["mu": "0.1", "bins": "30", "momentum": "0"], ["mu": "0.002", "bins": "5", "momentum": "0.9"]]),
  // psi is only once differentiable where k changes (theta = 180 k/m degrees): a finite difference
  // converges there like h, not h^2, so no setting puts such a point on the tests' theta grids
  // (m = 4's 45, 90 and 135 are; its boundaries on cos are not). HighPrecisionTests has them.
  ("sphereface", [["axis": "cos"], ["margin": "1"], ["margin": "3"], ["margin": "5", "scale": "16", "lambda": "5"],
                  ["axis": "cos", "margin": "3", "classes": "1000", "thetaneg": "60"]]),
  ("supcon", [[:], ["positives": "5", "temperature": "0.5"], ["positives": "100", "negatives": "4096", "sneg": "0.3"]]),
]

/// Every (view, settings) pair, flattened for parameterised tests.
let allSettings: [(String, [String: String])] = settingsByView.flatMap { entry in
  entry.settings.map { (entry.view, $0) }
}
