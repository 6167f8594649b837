import Foundation

extension CloudFormation {
  /// A stack parameter: a value, or "use the previous value".
  ///
  /// ```swift
  /// let p = CloudFormation.Parameter(key: "Env", value: "prod")
  /// let keep = CloudFormation.Parameter(key: "Secret", usePreviousValue: true)
  /// ```
  public struct Parameter: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String?
    public var usePreviousValue: Bool?
    /// For SSM parameter types: the value SSM resolved (read-only).
    public var resolvedValue: String?

    public init(
      key: String, value: String? = nil, usePreviousValue: Bool? = nil,
      resolvedValue: String? = nil
    ) {
      self.key = key
      self.value = value
      self.usePreviousValue = usePreviousValue
      self.resolvedValue = resolvedValue
    }

    init(_ node: XMLNode) {
      self.init(
        key: node.string("ParameterKey") ?? "", value: node.string("ParameterValue"),
        usePreviousValue: node.bool("UsePreviousValue"),
        resolvedValue: node.string("ResolvedValue"))
    }

    func encode(_ p: inout QueryParameters) {
      p["ParameterKey"] = key
      p["ParameterValue"] = value
      p.set("UsePreviousValue", usePreviousValue)
    }
  }

  /// A stack tag.
  public struct Tag: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }

    init(_ node: XMLNode) {
      self.init(key: node.string("Key") ?? "", value: node.string("Value") ?? "")
    }
  }

  /// A capability to acknowledge (`CAPABILITY_IAM`, `CAPABILITY_NAMED_IAM`,
  /// `CAPABILITY_AUTO_EXPAND`).
  public struct Capability: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public static let iam = Capability(rawValue: "CAPABILITY_IAM")
    public static let namedIAM = Capability(rawValue: "CAPABILITY_NAMED_IAM")
    public static let autoExpand = Capability(rawValue: "CAPABILITY_AUTO_EXPAND")
  }

  /// A stack's status (`CREATE_COMPLETE`, `UPDATE_ROLLBACK_FAILED` …), with helpers to classify
  /// it.
  public struct StackStatus: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public static let createInProgress: StackStatus = "CREATE_IN_PROGRESS"
    public static let createFailed: StackStatus = "CREATE_FAILED"
    public static let createComplete: StackStatus = "CREATE_COMPLETE"
    public static let rollbackInProgress: StackStatus = "ROLLBACK_IN_PROGRESS"
    public static let rollbackFailed: StackStatus = "ROLLBACK_FAILED"
    public static let rollbackComplete: StackStatus = "ROLLBACK_COMPLETE"
    public static let deleteInProgress: StackStatus = "DELETE_IN_PROGRESS"
    public static let deleteFailed: StackStatus = "DELETE_FAILED"
    public static let deleteComplete: StackStatus = "DELETE_COMPLETE"
    public static let updateInProgress: StackStatus = "UPDATE_IN_PROGRESS"
    public static let updateCompleteCleanupInProgress: StackStatus =
      "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
    public static let updateComplete: StackStatus = "UPDATE_COMPLETE"
    public static let updateFailed: StackStatus = "UPDATE_FAILED"
    public static let updateRollbackInProgress: StackStatus = "UPDATE_ROLLBACK_IN_PROGRESS"
    public static let updateRollbackFailed: StackStatus = "UPDATE_ROLLBACK_FAILED"
    public static let updateRollbackCompleteCleanupInProgress: StackStatus =
      "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"
    public static let updateRollbackComplete: StackStatus = "UPDATE_ROLLBACK_COMPLETE"
    public static let reviewInProgress: StackStatus = "REVIEW_IN_PROGRESS"
    public static let importInProgress: StackStatus = "IMPORT_IN_PROGRESS"
    public static let importComplete: StackStatus = "IMPORT_COMPLETE"
    public static let importRollbackInProgress: StackStatus = "IMPORT_ROLLBACK_IN_PROGRESS"
    public static let importRollbackFailed: StackStatus = "IMPORT_ROLLBACK_FAILED"
    public static let importRollbackComplete: StackStatus = "IMPORT_ROLLBACK_COMPLETE"

    /// Whether CloudFormation is still working (`…_IN_PROGRESS`).
    public var isInProgress: Bool { rawValue.hasSuffix("_IN_PROGRESS") }
    /// Whether the status is final (no operation running).
    public var isTerminal: Bool { !isInProgress }
    /// Whether it is a failure or rollback (`…_FAILED`, `…ROLLBACK_COMPLETE`).
    public var isFailure: Bool {
      rawValue.hasSuffix("_FAILED") || rawValue.contains("ROLLBACK")
    }
    /// Whether the last operation succeeded (`CREATE_COMPLETE`, `UPDATE_COMPLETE`,
    /// `IMPORT_COMPLETE`, `DELETE_COMPLETE`).
    public var isSuccess: Bool {
      [.createComplete, .updateComplete, .importComplete, .deleteComplete].contains(self)
    }
  }

  /// A resource's status in an event or a resource description (`CREATE_FAILED` …).
  public typealias ResourceStatus = StackStatus

  /// Which template `GetTemplate` returns: as submitted, or after transforms.
  public enum TemplateStage: String, Sendable, Hashable {
    case original = "Original"
    case processed = "Processed"
  }

  /// The output of `GetTemplate`.
  public struct GetTemplateOutput: Sendable, Equatable {
    /// The template text (JSON or YAML, as submitted).
    public var templateBody: String
    /// The stages available.
    public var stagesAvailable: [TemplateStage]

    public init(templateBody: String, stagesAvailable: [TemplateStage] = []) {
      self.templateBody = templateBody
      self.stagesAvailable = stagesAvailable
    }
  }
}
