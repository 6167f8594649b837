import StackKit

extension TemplateDiff {
  /// Compares two templates. `old` is what is deployed (an empty object when nothing is).
  public init(old: JSON, new: JSON, rules: ReplacementRules = .standard) {
    let oldResources = old["Resources"]?.objectValue ?? JSONObject()
    let newResources = new["Resources"]?.objectValue ?? JSONObject()
    var resources: [ResourceDifference] = []
    for (logicalID, after) in newResources {
      if let before = oldResources[logicalID] {
        if let change = Self.compareResource(logicalID, before, after, rules: rules) {
          resources.append(change)
        }
      } else {
        resources.append(
          ResourceDifference(
            logicalID: logicalID, change: .added, oldType: nil,
            newType: after["Type"]?.stringValue, impact: .create))
      }
    }
    for (logicalID, before) in oldResources where newResources[logicalID] == nil {
      let retained =
        before["DeletionPolicy"]?.stringValue == "Retain"
        || before["DeletionPolicy"]?.stringValue == "RetainExceptOnCreate"
      resources.append(
        ResourceDifference(
          logicalID: logicalID, change: .removed, oldType: before["Type"]?.stringValue,
          newType: nil, impact: retained ? .orphan : .destroy))
    }
    Self.propagateReplacements(&resources, newResources: newResources, rules: rules)

    var other: [EntryDifference] = []
    for section in ["Conditions", "Mappings", "Rules"] {
      other += Self.compareSection(section, old[section], new[section])
    }
    let handled: Set<String> = [
      "Resources", "Parameters", "Outputs", "Conditions", "Mappings", "Rules",
    ]
    var topKeys: [String] = []
    for (k, _) in new.objectValue ?? JSONObject() where !handled.contains(k) { topKeys.append(k) }
    for (k, _) in old.objectValue ?? JSONObject() where !handled.contains(k) && !topKeys.contains(k)
    {
      topKeys.append(k)
    }
    for key in topKeys where !TemplateEquivalence.equivalent(old[key], new[key]) {
      other.append(EntryDifference(section: key, name: "", before: old[key], after: new[key]))
    }
    self.init(
      resources: resources,
      parameters: Self.compareSection("Parameters", old["Parameters"], new["Parameters"]),
      outputs: Self.compareSection("Outputs", old["Outputs"], new["Outputs"]), other: other,
      iam: IAMChanges(old: old, new: new), securityGroups: SecurityGroupChanges(old: old, new: new))
  }

  static func compareSection(_ section: String, _ old: JSON?, _ new: JSON?) -> [EntryDifference] {
    let o = old?.objectValue ?? JSONObject()
    let n = new?.objectValue ?? JSONObject()
    var out: [EntryDifference] = []
    for (name, after) in n where !TemplateEquivalence.equivalent(o[name], after) {
      out.append(
        EntryDifference(
          section: section, name: name, before: printable(section, o[name]),
          after: printable(section, after)))
    }
    for (name, before) in o where n[name] == nil {
      out.append(
        EntryDifference(
          section: section, name: name, before: printable(section, before), after: nil))
    }
    return out
  }

  /// What a diff may show of an entry: the `Default` of a `NoEcho` parameter is masked as
  /// `****`, as CloudFormation masks the parameter's value. (The entry is still listed when only
  /// its default changed.)
  static func printable(_ section: String, _ entry: JSON?) -> JSON? {
    guard section == "Parameters", var definition = entry?.objectValue,
      definition["Default"] != nil
    else { return entry }
    switch definition["NoEcho"] {
    case .bool(true): break
    case .string(let s) where s.lowercased() == "true": break
    default: return entry
    }
    definition["Default"] = .string("****")
    return .object(definition)
  }

  static func compareResource(
    _ logicalID: String, _ before: JSON, _ after: JSON, rules: ReplacementRules
  ) -> ResourceDifference? {
    let oldType = before["Type"]?.stringValue
    let newType = after["Type"]?.stringValue
    var properties: [PropertyDifference] = []
    let type = newType ?? ""
    leafChanges(
      path: [], before["Properties"] ?? .object(JSONObject()),
      after["Properties"] ?? .object(JSONObject()), into: &properties)
    for i in properties.indices
    where rules.requiresReplacement(type: type, path: properties[i].path) {
      properties[i].replacement = .always
    }
    var attributes: [PropertyDifference] = []
    var keys: [String] = []
    for (k, _) in after.objectValue ?? JSONObject() where k != "Properties" && k != "Type" {
      keys.append(k)
    }
    for (k, _) in before.objectValue ?? JSONObject()
    where k != "Properties" && k != "Type" && !keys.contains(k) {
      keys.append(k)
    }
    for key in keys {
      let equal: Bool
      if key == "DependsOn" {
        equal =
          TemplateEquivalence.dependsOnSet(before[key])
          == TemplateEquivalence.dependsOnSet(after[key])
      } else {
        equal = TemplateEquivalence.equivalent(before[key], after[key])
      }
      if !equal {
        attributes.append(PropertyDifference(path: [key], before: before[key], after: after[key]))
      }
    }
    if oldType != newType {
      attributes.insert(
        PropertyDifference(
          path: ["Type"], before: oldType.map(JSON.string), after: newType.map(JSON.string),
          replacement: .always), at: 0)
    }
    guard !properties.isEmpty || !attributes.isEmpty else { return nil }
    let impact: ResourceDifference.Impact
    if oldType != newType || properties.contains(where: { $0.replacement == .always }) {
      impact = .replace
    } else if !properties.isEmpty
      || attributes.contains(where: { ["UpdatePolicy", "Condition"].contains($0.path[0]) })
    {
      impact = .update
    } else {
      // DependsOn, Metadata, DeletionPolicy, UpdateReplacePolicy: no change to the resource.
      impact = .none
    }
    return ResourceDifference(
      logicalID: logicalID, change: .modified, oldType: oldType, newType: newType, impact: impact,
      properties: properties, attributes: attributes)
  }

  /// Walks two values and records each differing leaf: objects key by key, lists index by index
  /// when their lengths match, anything else as a whole.
  static func leafChanges(
    path: [String], _ before: JSON?, _ after: JSON?, into out: inout [PropertyDifference]
  ) {
    if TemplateEquivalence.equivalent(before, after) { return }
    switch (before, after) {
    case (.object(let o)?, .object(let n)?) where !isIntrinsic(o) && !isIntrinsic(n):
      for (k, v) in n { leafChanges(path: path + [k], o[k], v, into: &out) }
      for (k, v) in o where n[k] == nil { leafChanges(path: path + [k], v, nil, into: &out) }
    case (.array(let o)?, .array(let n)?) where o.count == n.count && !path.isEmpty:
      for i in o.indices { leafChanges(path: path + [String(i)], o[i], n[i], into: &out) }
    default:
      out.append(PropertyDifference(path: path, before: before, after: after))
    }
  }

  /// `{"Ref": …}`, `{"Fn::…": …}`: compared and shown as one value.
  static func isIntrinsic(_ object: JSONObject) -> Bool {
    guard object.count == 1, let key = object.keys.first else { return false }
    return key == "Ref" || key.hasPrefix("Fn::") || key == "Condition"
  }

  /// A resource whose create-only property refers to a replaced resource may be replaced too
  /// (its value changes when the new resource gets a new id). Repeats until nothing changes.
  static func propagateReplacements(
    _ resources: inout [ResourceDifference], newResources: JSONObject, rules: ReplacementRules
  ) {
    var replaced = Set(resources.filter { $0.impact == .replace }.map(\.logicalID))
    var changed = true
    while changed {
      changed = false
      for (logicalID, resource) in newResources where !replaced.contains(logicalID) {
        guard let type = resource["Type"]?.stringValue,
          let properties = resource["Properties"]?.objectValue
        else { continue }
        var affected: [PropertyDifference] = []
        for (name, value) in properties
        where rules.requiresReplacement(type: type, path: [name])
          && !IntrinsicText.references(in: value).isDisjoint(with: replaced)
        {
          affected.append(
            PropertyDifference(
              path: [name], before: value, after: value, replacement: .conditional))
        }
        guard !affected.isEmpty else { continue }
        if let i = resources.firstIndex(where: { $0.logicalID == logicalID }) {
          guard resources[i].change == .modified else { continue }
          resources[i].impact = .mayReplace
          for p in affected where !resources[i].properties.contains(where: { $0.path == p.path }) {
            resources[i].properties.append(p)
          }
        } else {
          resources.append(
            ResourceDifference(
              logicalID: logicalID, change: .modified, oldType: type, newType: type,
              impact: .mayReplace, properties: affected))
        }
        replaced.insert(logicalID)
        changed = true
      }
    }
  }
}
