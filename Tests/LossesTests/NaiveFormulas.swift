// The LOSSES.md tables typed out as plainly as possible: the independent side of ReferenceTests.
//
// Only trusted where plain float64 is accurate (moderate logits, scales and temperatures).
// Every binding is typed: the type checker gives up on these expressions otherwise.

#if canImport(Glibc)
  import Glibc
#endif

func naive(_ view: String, _ s: [String: Double], _ axis: String, _ x: Double) -> (Double, Double) {
  let v = Values(s)
  if let besideFocal = naiveBesideFocal(view, v, axis, x) { return besideFocal }
  switch view {
  case "focal", "anchor", "anchor-neg", "mse": return naiveProbability(view, v, x)
  case "circle", "nce", "infonce", "infonce-neg", "npair", "ms-pos", "ms-neg": return naiveSimilarity(view, v, axis, x)
  case "arcface", "cosface": return naiveAngular(view, v, axis, x)
  case "contrastive", "triplet", "lifted", "proxy-nca", "ranked-list", "center": return naiveDistance(view, v, axis, x)
  default:
    let loss: Double = -log(x)
    return (loss, 1 - x)
  }
}

struct Values {
  let s: [String: Double]
  init(_ s: [String: Double]) { self.s = s }
  func callAsFunction(_ key: String, _ fallback: Double) -> Double { s[key] ?? fallback }
}

func naiveProbability(_ view: String, _ v: Values, _ pt: Double) -> (Double, Double) {
  let lp: Double = log(pt), lq: Double = log(1 - pt)
  switch view {
  case "mse":
    let e: Double = 1 - pt
    return (e * e, 2 * pt * e * e)
  case "focal":
    let g: Double = v("gamma", 2), a: Double = v("alpha", 1)
    let m: Double = a * pow(1 - pt, g)
    let grad: Double = m * (1 - pt - g * pt * lp)
    return (-m * lp, grad)
  case "anchor":
    let g: Double = v("gamma", 0.5)
    let q: Double = min(v("qneg", 0.5) + v("slack", 0.05), 1)
    let c: Double = 1 - pt + q
    let dLdp: Double = g * pow(c, g - 1) * lp - pow(c, g) / pt
    return (-pow(c, g) * lp, abs(dLdp) * pt * (1 - pt))
  default:
    let g: Double = v("gamma", 0.5)
    let q: Double = max(v("ptarget", 0.5) - v("slack", 0.05), 0)
    let c: Double = 1 + pt - q
    let dLdp: Double = -g * pow(c, g - 1) * lq + pow(c, g) / (1 - pt)
    return (-pow(c, g) * lq, abs(dLdp) * pt * (1 - pt))
  }
}

func naiveSimilarity(_ view: String, _ v: Values, _ axis: String, _ x: Double) -> (Double, Double) {
  switch view {
  case "circle":
    let m: Double = v("margin", 0.25), sc: Double = v("scale", 256)
    let sp: Double = axis == "sn" ? v("sp", 0.7) : x
    let sn: Double = axis == "sn" ? x : v("sn", 0.3)
    let ap: Double = max(0, 1 + m - sp), an: Double = max(0, sn + m)
    let t: Double = sc * (an * (sn - m) - ap * (sp - (1 - m)))
    let sig: Double = 1 / (1 + exp(-t))
    let weight: Double = axis == "sn" ? an : ap
    return (log1p(exp(t)), sc * weight * sig)
  case "nce":
    let k: Double = v("k", 10)
    let b: Double = log(k) + v("logq", -9.21)
    let noise: Double = k * log1p(exp(v("sneg", 0) - b))
    return (log1p(exp(b - x)) + noise, 1 / (1 + exp(x - b)))
  case "infonce":
    let t: Double = v("temperature", 0.07), k: Double = v("negatives", 255), sn: Double = v("sneg", 0)
    let e: Double = exp(x / t)
    let pPos: Double = e / (e + k * exp(sn / t))
    return (-log(pPos), (1 - pPos) / t)
  case "infonce-neg":
    let t: Double = v("temperature", 0.07), k: Double = v("negatives", 255)
    let sn: Double = v("sneg", 0), sp: Double = v("spos", 0.8)
    let denominator: Double = exp(sp / t) + exp(x / t) + (k - 1) * exp(sn / t)
    let rest: Double = (exp(x / t) + (k - 1) * exp(sn / t)) / exp(sp / t)
    return (log1p(rest), exp(x / t) / (t * denominator))
  case "npair":
    let e: Double = v("negatives", 7) * exp(v("sneg", 0) - x)
    return (log1p(e), e / (1 + e))
  case "ms-pos":
    let a: Double = v("alpha", 2)
    let e: Double = v("count", 1) * exp(-a * (x - v("lambda", 1)))
    return (log1p(e) / a, e / (1 + e))
  default:
    let b: Double = v("beta", 50)
    let e: Double = v("count", 1) * exp(b * (x - v("lambda", 1)))
    return (log1p(e) / b, e / (1 + e))
  }
}

func naiveAngular(_ view: String, _ v: Values, _ axis: String, _ x: Double) -> (Double, Double) {
  let sc: Double = v("scale", 64), c: Double = v("classes", 10)
  let m: Double = v("margin", view == "arcface" ? 0.5 : 0.35)
  let neg: Double = sc * cos(v("thetaneg", 90) * Double.pi / 180)
  let theta: Double = axis == "cos" ? acos(x) : x * Double.pi / 180
  func target(_ th: Double) -> Double {
    if view == "cosface" { return sc * (cos(th) - m) }
    return th + m <= Double.pi ? sc * cos(th + m) : sc * (cos(th) - m * sin(m))
  }
  func loss(_ th: Double) -> Double {
    let own: Double = exp(target(th))
    return -log(own / (own + (c - 1) * exp(neg)))
  }
  // dL/dtheta by a fine central difference of the plain formula, then per degree or per cos.
  let h: Double = 1e-7
  let dth: Double = (loss(theta + h) - loss(theta - h)) / (2 * h)
  let grad: Double = axis == "cos" ? abs(dth / sin(theta)) : abs(dth) * Double.pi / 180
  return (loss(theta), grad)
}

func naiveDistance(_ view: String, _ v: Values, _ axis: String, _ x: Double) -> (Double, Double) {
  switch view {
  case "contrastive":
    if v("pair", 0) == 0 { return (x * x / 2, x) }
    let gap: Double = max(0, v("margin", 1) - x)
    return (gap * gap / 2, gap)
  case "triplet":
    let sq: Bool = v("squared", 0) == 1
    let fap: Double = sq ? v("dap", 0.5) * v("dap", 0.5) : v("dap", 0.5)
    let fx: Double = sq ? x * x : x
    let df: Double = sq ? 2 * x : 1
    if v("soft", 0) == 1 {
      let e: Double = exp(fap - fx)
      return (log1p(e), e / (1 + e) * df)
    }
    let hinge: Double = fap - fx + v("margin", 0.2)
    return hinge > 0 ? (hinge, df) : (0, 0)
  case "lifted":
    let inner: Double = 2 * v("negatives", 1) * exp(v("margin", 1) - v("dneg", 1))
    let j: Double = max(0, log(inner) + x)
    return (j * j / 2, j)
  case "proxy-nca":
    let sc: Double = v("scale", 1)
    let own: Double = exp(-sc * x)
    let others: Double = (v("classes", 10) - 1) * exp(-sc * v("dneg", 2))
    return (-log(own / (own + others)), sc * others / (own + others))
  case "ranked-list" where axis == "dneg":
    let a: Double = v("alpha", 1.2), t: Double = v("temperature", 10)
    let k: Double = v("others", 1), d: Double = v("dother", 1)
    let wx: Double = x < a ? exp(t * (a - x)) : 0
    let wo: Double = d < a ? k * exp(t * (a - d)) : 0
    guard wx + wo > 0 else { return (0, 0) }
    let weighted: Double = wx * (a - x) + wo * (a - d)
    return (weighted / (wx + wo), wx / (wx + wo))
  case "ranked-list":
    let active: Double = x - (v("alpha", 1.2) - v("margin", 0.4))
    return active > 0 ? (active, 1) : (0, 0)
  default:
    let l: Double = v("lambda", 1)
    return (l * x * x / 2, l * x)
  }
}
