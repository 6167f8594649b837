/// A schema the generator cannot use, or a file it cannot read or write.
///
/// The description names the file and says what is wrong:
///
/// ```swift
/// do { _ = try Generator(schemasDirectory: "schemas").generate() } catch { print(error) }
/// // schemas/aws-ec2-vpc.json: line 3, column 5: expected a string
/// ```
public struct CodegenError: Error, CustomStringConvertible, Sendable {
  /// The file the problem is in.
  public let file: String
  /// What is wrong and, where it helps, how to fix it.
  public let message: String

  public init(file: String, _ message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message)" }
}
