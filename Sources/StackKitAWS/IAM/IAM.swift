/// AWS Identity and Access Management: the generated `Cfn…` resources and the StackKit
/// constructs built on them (``Role``, ``Policy``, ``PolicyStatement``, principals and grants).
///
/// ```swift
/// let role = IAM.Role(stack, "Role", assumedBy: IAM.ServicePrincipal("lambda.amazonaws.com"))
/// ```
public enum IAM {}
