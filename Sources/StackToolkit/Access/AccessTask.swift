import StackKit

/// `stack access`: synthesizes the app (writing nothing to the project) and reviews who can
/// read which secret of each stack and what that allows in Redis.
///
/// ```swift
/// let task = AccessTask(stacks: ["RedisRbacStack"], format: .markdown)
/// try await task.run(config: config, console: .standard)
/// ```
public struct AccessTask: Sendable {
  /// Stacks to review (ids, names, paths or `*` patterns); all when empty.
  public var stacks: [String]
  public var format: AccessFormat
  /// Context values merged over stack.json's.
  public var context: JSONObject
  /// Skip stack.json's `build` command.
  public var skipBuild: Bool

  public init(
    stacks: [String] = [], format: AccessFormat = .text, context: JSONObject = JSONObject(),
    skipBuild: Bool = false
  ) {
    self.stacks = stacks
    self.format = format
    self.context = context
    self.skipBuild = skipBuild
  }

  /// The reviews of the chosen stacks of a synthesis result, in the app's order.
  public static func reviews(of result: SynthResult, stacks patterns: [String]) throws
    -> [AccessReview]
  {
    var reviews: [AccessReview] = []
    for stack in try result.select(patterns) {
      let template: JSON
      do {
        template = try stack.template()
      } catch {
        throw SynthFailure(
          .invalidAssembly, "the template of \(stack.id) cannot be read: \(error)")
      }
      reviews.append(
        AccessReview(inventory: AccessInventory(template: template, stackName: stack.stackName)))
    }
    return reviews
  }

  /// Synthesizes, reviews and prints the result in the chosen format.
  public func run(config: ProjectConfig, console: Console) async throws {
    let result = try await Synthesis.run(
      config: config,
      options: Synthesis.Options(
        context: context, skipBuild: skipBuild, progress: { console.note($0) }))
    let reviews = try Self.reviews(of: result, stacks: stacks)
    var text = AccessRenderer(format: format).render(reviews)
    if text.hasSuffix("\n") { text.removeLast() }
    console.print(text)
  }
}
