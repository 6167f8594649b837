import StackKit

/// Reads a CloudFormation template body, JSON or YAML, into ``JSON``.
///
/// YAML short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`, `!Join` …) become their long form
/// (`{"Ref": …}`, `{"Fn::GetAtt": […]}`), so a template deployed as YAML by another tool
/// compares equal to the same template written as JSON.
///
/// ```swift
/// let template = try TemplateReader.read("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
/// ```
public enum TemplateReader {
  /// A template that could not be read.
  public struct Error: Swift.Error, CustomStringConvertible, Sendable {
    public let description: String
  }

  /// Parses a template body. JSON is tried first when the text starts with `{`; YAML is read by
  /// StackKit's ``YAMLParser``.
  public static func read(_ text: String) throws(Error) -> JSON {
    let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
    if trimmed.first == "{" {
      do {
        return try JSONParser.parse(text)
      } catch {
        // JSON is a subset of YAML in theory, but a JSON body that fails to parse is an error
        // worth reporting as JSON.
        throw Error(description: "the template is not valid JSON: \(error)")
      }
    }
    do {
      return try YAMLParser.parse(text)
    } catch {
      throw Error(description: error.description)
    }
  }
}
