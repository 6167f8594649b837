/// Amazon CloudWatch Logs: the generated `Cfn…` resources and the StackKit constructs built on
/// them (``LogGroup``).
///
/// ```swift
/// let logs = Logs.LogGroup(stack, "FlowLogs", retention: .oneMonth)
/// ```
public enum Logs {}
