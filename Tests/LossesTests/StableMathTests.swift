// The overflow-free helpers at the inputs that break the naive forms.

import Losses
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct StableMathTests {
  @Test func softplusAndSigmoidStayFiniteAndAccurate() {
    #expect(softplus(1000) == 1000)
    #expect(softplus(-1000) == exp(-1000.0))
    #expect(close(softplus(-40), exp(-40.0), rel: 1e-15))
    #expect(sigmoid(-1000) == 0 && sigmoid(1000) == 1)
    #expect(close(sigmoid(-40), exp(-40.0), rel: 1e-15))
    #expect(softplus(0) == log(2.0))
  }

  @Test func logSumExpDropsMinusInfinity() {
    #expect(logSumExp(-.infinity, 3) == 3)
    #expect(logSumExp(1000, 1000) == 1000 + log(2.0))
    #expect(close(logSumExp(1, 2, 3), log(exp(1.0) + exp(2.0) + exp(3.0)), rel: 1e-15))
  }

  @Test func powerTreatsZeroToTheZeroAsOne() {
    #expect(power(0, 0) == 1)
    #expect(power(0, 2) == 0)
    #expect(power(0.5, 2) == 0.25)
  }

  @Test func degreeTrigIsExactAtRightAngles() {
    #expect(sinDegrees(0) == 0 && sinDegrees(90) == 1 && sinDegrees(180) == 0)
    #expect(cosDegrees(0) == 1 && cosDegrees(90) == 0 && cosDegrees(180) == -1)
    for x in stride(from: 0.0, through: 180, by: 7.3) {
      #expect(abs(sinDegrees(x) - sin(x * .pi / 180)) < 1e-15)
      #expect(abs(cosDegrees(x) - cos(x * .pi / 180)) < 1e-15)
    }
  }
}
