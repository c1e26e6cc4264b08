// The issue #26 views typed out as plainly as possible: the independent side of ReferenceTests for them.
//
// Only trusted where plain float64 is accurate (moderate probabilities, scales and temperatures).

#if canImport(Glibc)
  import Glibc
#endif

/// Loss and grad of one of the views beside focal loss, nil for any other view.
func naiveBesideFocal(_ view: String, _ v: Values, _ axis: String, _ x: Double) -> (Double, Double)? {
  switch view {
  case "label-smoothing":
    let e: Double = v("epsilon", 0.1), k: Double = v("classes", 10)
    let a: Double = 1 - e + e / k, b: Double = e * (k - 1) / k
    return (-a * log(x) - b * log((1 - x) / (k - 1)), abs(x - a))
  case "poly1":
    let e: Double = v("epsilon", 1), g: Double = v("gamma", 0)
    let focal: Double = -pow(1 - x, g) * log(x)
    let dFocal: Double = pow(1 - x, g) * (1 - x - g * x * log(x))
    return (focal + e * pow(1 - x, g + 1), dFocal + e * (g + 1) * x * pow(1 - x, g + 1))
  case "asl":
    if v("side", 0) == 0 {
      let g: Double = v("gamma-pos", 0)
      return (-pow(1 - x, g) * log(x), pow(1 - x, g) * (1 - x - g * x * log(x)))
    }
    let g: Double = v("gamma-neg", 4)
    let pm: Double = max(x - v("clip", 0.05), 0)
    if pm == 0 { return (0, 0) }
    let dLdp: Double = g * pow(pm, g - 1) * -log(1 - pm) + pow(pm, g) / (1 - pm)
    return (-pow(pm, g) * log(1 - pm), dLdp * x * (1 - x))
  case "qfl":
    let q: Double = v("q", 0.5), beta: Double = v("beta", 2)
    let d: Double = x - q
    let bce: Double = -((1 - q) * log(1 - x) + q * log(x))
    let dModulation: Double = beta == 0 ? 0 : beta * pow(abs(d), beta - 1) * (d < 0 ? -1 : 1)
    return (pow(abs(d), beta) * bce, abs(dModulation * x * (1 - x) * bce + pow(abs(d), beta) * d))
  case "varifocal":
    let q: Double = v("q", 0.5), a: Double = v("alpha", 0.75), g: Double = v("gamma", 2)
    if q > 0 { return (-q * (q * log(x) + (1 - q) * log(1 - x)), q * abs(x - q)) }
    let dLdp: Double = a * (g * pow(x, g - 1) * -log(1 - x) + pow(x, g) / (1 - x))
    return (-a * pow(x, g) * log(1 - x), dLdp * x * (1 - x))
  case "smooth-l1":
    let beta: Double = v("beta", 1)
    return abs(x) < beta ? (0.5 * x * x / beta, abs(x) / beta) : (abs(x) - beta / 2, 1)
  case "huber":
    let delta: Double = v("delta", 1)
    return abs(x) <= delta ? (0.5 * x * x, abs(x)) : (delta * (abs(x) - delta / 2), delta)
  case "supcon":
    let t: Double = v("temperature", 0.1), p: Double = v("positives", 1)
    let k: Double = v("negatives", 255), sn: Double = v("sneg", 0)
    let own: Double = exp(x / t), others: Double = k * exp(sn / t)
    return (-log(own / (p * own + others)), others / (p * own + others) / t)
  case "sphereface":
    return naiveSphereFace(v, axis, x)
  default:
    return nil
  }
}

/// SphereFace from psi as the paper defines it; dL/dtheta by a fine central difference of the
/// plain formula, then per degree or per cos.
func naiveSphereFace(_ v: Values, _ axis: String, _ x: Double) -> (Double, Double) {
  let m: Double = v("margin", 4), sc: Double = v("scale", 64), c: Double = v("classes", 10)
  let lambda: Double = v("lambda", 0)
  let neg: Double = sc * cos(v("thetaneg", 90) * Double.pi / 180)
  let theta: Double = axis == "cos" ? acos(x) : x * Double.pi / 180
  func loss(_ th: Double) -> Double {
    let k: Double = min(max((m * th / Double.pi).rounded(.down), 0), m - 1)
    let sign: Double = Int(k) % 2 == 0 ? 1 : -1
    let psi: Double = sign * cos(m * th) - 2 * k
    let own: Double = exp(sc * (lambda * cos(th) + psi) / (1 + lambda))
    return -log(own / (own + (c - 1) * exp(neg)))
  }
  let h: Double = 1e-7
  let dth: Double = (loss(theta + h) - loss(theta - h)) / (2 * h)
  let grad: Double = axis == "cos" ? abs(dth / sin(theta)) : abs(dth) * Double.pi / 180
  return (loss(theta), grad)
}
