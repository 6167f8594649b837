import Testing

@Test func moduleLoads() {}
