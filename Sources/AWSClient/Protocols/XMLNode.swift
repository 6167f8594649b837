import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small XML element tree, enough to read AWS responses.
///
/// Names lose their namespace prefix; `text` is the element's own character data, trimmed only of
/// the whitespace between child elements.
///
/// ```swift
/// let root = try XMLNode.parse(data)
/// let status = root["DescribeStacksResult"]?["Stacks"]?.members.first?.string("StackStatus")
/// ```
public struct XMLNode: Sendable, Equatable {
  /// The element's local name.
  public var name: String
  /// Its attributes.
  public var attributes: [String: String]
  /// Its child elements, in order.
  public var children: [XMLNode]
  /// Its character data.
  public var text: String

  /// Creates an element.
  public init(
    name: String, attributes: [String: String] = [:], children: [XMLNode] = [], text: String = ""
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.text = text
  }

  /// The first child with the name.
  public subscript(_ name: String) -> XMLNode? {
    children.first { $0.name == name }
  }

  /// Every child with the name.
  public func children(named name: String) -> [XMLNode] {
    children.filter { $0.name == name }
  }

  /// The text of the first child with the name.
  public func string(_ name: String) -> String? {
    self[name]?.text
  }

  /// The first child's text as an integer.
  public func int(_ name: String) -> Int? {
    string(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
  }

  /// The first child's text as a Boolean (`true`/`false`).
  public func bool(_ name: String) -> Bool? {
    switch string(name)?.lowercased() {
    case "true": return true
    case "false": return false
    default: return nil
    }
  }

  /// The first child's text as an ISO 8601 date.
  public func date(_ name: String) -> Date? {
    string(name).flatMap(Timestamp.parseISO8601)
  }

  /// The `<member>` children (how the Query protocol writes list items).
  public var members: [XMLNode] { children(named: "member") }

  /// The texts of the named list's members: `<Capabilities><member>A</member>…`.
  public func strings(_ listName: String) -> [String] {
    self[listName]?.members.map(\.text) ?? []
  }

  /// Finds the first element with the name, depth first, this one included.
  public func first(named name: String) -> XMLNode? {
    if self.name == name { return self }
    for child in children {
      if let found = child.first(named: name) { return found }
    }
    return nil
  }

  /// Parses a document; throws when it is not well-formed XML.
  public static func parse(_ data: Data) throws -> XMLNode {
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw AWSClientError(
        .invalidResponse,
        "The response is not well-formed XML"
          + (parser.parserError.map { " (\($0.localizedDescription))" } ?? "") + ".")
    }
    return root
  }

  /// Builds the tree from parser events.
  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLNode] = []
    var root: XMLNode?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
      stack.append(XMLNode(name: local, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      guard var node = stack.popLast() else { return }
      if !node.children.isEmpty,
        node.text.allSatisfy({ $0.isWhitespace || $0.isNewline })
      {
        node.text = ""
      }
      if stack.isEmpty {
        root = node
      } else {
        stack[stack.count - 1].children.append(node)
      }
    }
  }
}
