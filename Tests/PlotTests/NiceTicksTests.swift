// Tick values and labels: 1-2-5 steps without float noise, decades on log axes.

@testable import Plot
import Testing
import LossText

@Suite struct NiceTicksTests {
  @Test func unitRangeTicksByFifths() {
    let ticks = NiceTicks.linear(0, 1, count: 5)
    #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ticks.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
  }

  @Test func tenthsHaveNoFloatNoise() {
    let ticks = NiceTicks.linear(0, 0.3, count: 3)
    #expect(ticks.values == [0, 0.1, 0.2, 0.3])
    #expect(ticks.labels == ["0", "0.1", "0.2", "0.3"])
    #expect(!ticks.labels.contains { $0.count > 3 })
  }

  @Test func twentiethsAreExact() {
    let ticks = NiceTicks.linear(0, 0.3, count: 6)
    #expect(ticks.values == [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
    #expect(ticks.labels == ["0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3"])
  }

  @Test func negativeAndLargeRanges() {
    #expect(NiceTicks.linear(-1, 1, count: 4).labels == ["-1", "-0.5", "0", "0.5", "1"])
    #expect(NiceTicks.linear(0, 5000, count: 5).labels == ["0", "1000", "2000", "3000", "4000", "5000"])
    #expect(NiceTicks.linear(0, 4e6, count: 4).labels == ["0", "1e+06", "2e+06", "3e+06", "4e+06"])
  }

  @Test func tinyStepsUseExponentForm() {
    let ticks = NiceTicks.linear(0, 4e-5, count: 4)
    #expect(ticks.labels == ["0", "1e-05", "2e-05", "3e-05", "4e-05"])
  }

  @Test func logTicksAreDecades() {
    let ticks = NiceTicks.logarithmic(0.001, 1000, count: 10)
    #expect(ticks.values == [0.001, 0.01, 0.1, 1, 10, 100, 1000])
    #expect(ticks.labels == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
  }

  @Test func manyDecadesAreThinned() {
    // 25 decades for 5 ticks: every 5th decade, aligned to multiples of 5.
    let ticks = NiceTicks.logarithmic(1e-12, 1e12, count: 5)
    #expect(ticks.values == [1e-10, 1e-5, 1, 1e5, 1e10])
    #expect(ticks.labels == ["1e-10", "1e-05", "1", "1e+05", "1e+10"])
  }

  @Test func lessThanADecadeFallsBackToOneTwoFive() {
    let ticks = NiceTicks.logarithmic(0.3, 6, count: 5)
    #expect(ticks.values == [0.5, 1, 2, 5])
    #expect(ticks.labels == ["0.5", "1", "2", "5"])
  }

  @Test func degenerateRangesGiveAtMostOneTick() {
    #expect(NiceTicks.linear(3, 3, count: 5).values == [3])
    #expect(NiceTicks.linear(.nan, 1, count: 5).values.isEmpty)
    #expect(NiceTicks.logarithmic(-1, 0, count: 5).values.isEmpty)
  }

  @Test func numberFormatting() {
    #expect(NumberText.fixed(0.30000000000000004, decimals: 2) == "0.3")
    #expect(NumberText.fixed(-0.0001, decimals: 2) == "0")
    #expect(NumberText.fixed(-2.5, decimals: 1) == "-2.5")
    #expect(NumberText.fixed(1.05, decimals: 2) == "1.05")
    #expect(NumberText.exponent(1e-5, decimals: 0) == "1e-05")
    #expect(NumberText.exponent(-2.5e6, decimals: 1) == "-2.5e+06")
    #expect(NumberText.exponent(9.96, decimals: 1) == "1e+01")
  }

  @Test func autoRangesSnapOutwardToTicks() {
    let plan = AxisPlan(Axis(), data: [[0.03, 0.97][...]])
    let (range, ticks) = plan.ticks(count: 5)
    #expect(range == Interval(0, 1))
    #expect(ticks.values.first == 0 && ticks.values.last == 1)
    let log = AxisPlan(Axis(scale: .log10), data: [[0.003, 0, -1, 70][...]])
    #expect(log.ticks(count: 5).0 == Interval(0.002, 100))
  }

  @Test func explicitRangesAreKeptAndFixed() {
    #expect(AxisPlan(Axis(range: .explicit(0, 0.95)), data: []).ticks(count: 5).0 == Interval(0, 0.95))
    #expect(AxisPlan(Axis(range: .explicit(2, 1)), data: []).interval == Interval(1, 2))
    #expect(AxisPlan(Axis(range: .explicit(5, 5)), data: []).interval == Interval(4.5, 5.5))
    #expect(AxisPlan(Axis(), data: [[7, 7][...]]).interval == Interval(6.3, 7.7))
  }
}
