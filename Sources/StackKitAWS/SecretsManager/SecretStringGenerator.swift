import StackKit

extension SecretsManager {
  /// How Secrets Manager generates a secret's value: a random password, alone or as one key of a
  /// JSON template (`{"username": "app"}` + `password`).
  ///
  /// ```swift
  /// let generator = SecretsManager.SecretStringGenerator(
  ///   secretStringTemplate: #"{"username": "producer"}"#, generateStringKey: "password",
  ///   excludeCharacters: "@%*()_+=`~{}|[]\\:\";'?,./")
  /// ```
  public struct SecretStringGenerator: Sendable {
    /// A JSON object the generated password is added to, under ``generateStringKey``.
    public var secretStringTemplate: String?
    /// The key of the password in the template.
    public var generateStringKey: String?
    /// Characters the password must not contain.
    public var excludeCharacters: String?
    /// The password length (Secrets Manager's default is 32).
    public var passwordLength: Int?
    public var excludePunctuation: Bool?
    public var excludeUppercase: Bool?
    public var excludeLowercase: Bool?
    public var excludeNumbers: Bool?
    public var includeSpace: Bool?
    public var requireEachIncludedType: Bool?

    public init(
      secretStringTemplate: String? = nil, generateStringKey: String? = nil,
      excludeCharacters: String? = nil, passwordLength: Int? = nil,
      excludePunctuation: Bool? = nil, excludeUppercase: Bool? = nil,
      excludeLowercase: Bool? = nil, excludeNumbers: Bool? = nil, includeSpace: Bool? = nil,
      requireEachIncludedType: Bool? = nil
    ) {
      self.secretStringTemplate = secretStringTemplate
      self.generateStringKey = generateStringKey
      self.excludeCharacters = excludeCharacters
      self.passwordLength = passwordLength
      self.excludePunctuation = excludePunctuation
      self.excludeUppercase = excludeUppercase
      self.excludeLowercase = excludeLowercase
      self.excludeNumbers = excludeNumbers
      self.includeSpace = includeSpace
      self.requireEachIncludedType = requireEachIncludedType
    }

    /// The `GenerateSecretString` property.
    var cfnProperty: SecretsManager.CfnSecret.GenerateSecretString {
      SecretsManager.CfnSecret.GenerateSecretString(
        excludeCharacters: excludeCharacters.map(Value.string),
        excludeLowercase: excludeLowercase.map(Value.bool),
        excludeNumbers: excludeNumbers.map(Value.bool),
        excludePunctuation: excludePunctuation.map(Value.bool),
        excludeUppercase: excludeUppercase.map(Value.bool),
        generateStringKey: generateStringKey.map(Value.string),
        includeSpace: includeSpace.map(Value.bool), passwordLength: passwordLength.map(Value.int),
        requireEachIncludedType: requireEachIncludedType.map(Value.bool),
        secretStringTemplate: secretStringTemplate.map(Value.string))
    }

    /// Problems: template without key (or key without template), a template that is not a JSON
    /// object or already holds the key, a length Secrets Manager refuses, nothing left to draw
    /// from.
    var problems: [String] {
      var out: [String] = []
      if (secretStringTemplate == nil) != (generateStringKey == nil) {
        out.append(
          "secretStringTemplate and generateStringKey must be given together: the password goes into the template under that key. Give both, or neither."
        )
      }
      if let template = secretStringTemplate {
        if case .object(let object)? = try? JSONParser.parse(template) {
          if let key = generateStringKey, object[key] != nil {
            out.append(
              "the secret string template already has the key \"\(key)\" that the generated password goes in. Remove it from the template."
            )
          }
        } else {
          out.append(
            "the secret string template is not a JSON object. Write it as one, such as {\"username\": \"app\"}."
          )
        }
      }
      if let passwordLength, !(1...4096).contains(passwordLength) {
        out.append(
          "passwordLength is \(passwordLength); Secrets Manager generates 1 to 4096 characters. Pick a length in that range."
        )
      }
      if excludeLowercase == true && excludeUppercase == true && excludeNumbers == true
        && excludePunctuation == true && includeSpace != true
      {
        out.append(
          "every kind of character is excluded, so no password can be generated. Allow at least one of lowercase, uppercase, numbers or punctuation."
        )
      }
      return out
    }
  }
}
