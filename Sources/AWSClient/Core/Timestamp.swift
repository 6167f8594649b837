import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The timestamp formats AWS uses, formatted and parsed without shared formatter state.
enum Timestamp {
  /// `20150830T123600Z`, as in `X-Amz-Date`.
  static func amzDate(_ date: Date) -> String {
    let c = components(date)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second)
  }

  /// `20150830`, the credential scope's date.
  static func dateStamp(_ date: Date) -> String {
    let c = components(date)
    return String(format: "%04d%02d%02d", c.year, c.month, c.day)
  }

  /// `2015-08-30T12:36:00Z`.
  static func iso8601(_ date: Date) -> String {
    let c = components(date)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second)
  }

  /// Parses ISO 8601 date-times as AWS writes them: `2015-08-30T12:36:00Z`,
  /// `2015-08-30T12:36:00.123Z`, `2015-08-30T12:36:00+02:00`, `2015-08-30 12:36:00+00:00`.
  static func parseISO8601(_ text: String) -> Date? {
    let chars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= chars.count else { return nil }
      var value = 0
      for byte in chars[from..<from + count] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard chars.count >= 19, let year = number(0, 4), chars[4] == 45, let month = number(5, 2),
      chars[7] == 45, let day = number(8, 2),
      chars[10] == 84 || chars[10] == 32 || chars[10] == 116,
      let hour = number(11, 2), chars[13] == 58, let minute = number(14, 2), chars[16] == 58,
      let second = number(17, 2)
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < chars.count, chars[index] == 46 {
      index += 1
      var scale = 0.1
      while index < chars.count, chars[index] >= 48, chars[index] <= 57 {
        fraction += Double(chars[index] - 48) * scale
        scale /= 10
        index += 1
      }
    }
    var offset = 0
    if index < chars.count {
      switch chars[index] {
      case 90, 122: index += 1
      case 43, 45:
        let sign = chars[index] == 45 ? -1 : 1
        guard let hours = number(index + 1, 2) else { return nil }
        var minutes = 0
        if let m = number(index + 4, 2), chars[index + 3] == 58 {
          minutes = m
        } else if let m = number(index + 3, 2) {
          minutes = m
        }
        offset = sign * (hours * 3600 + minutes * 60)
      default: return nil
      }
    }
    var parts = tm()
    parts.tm_year = Int32(year - 1900)
    parts.tm_mon = Int32(month - 1)
    parts.tm_mday = Int32(day)
    parts.tm_hour = Int32(hour)
    parts.tm_min = Int32(minute)
    parts.tm_sec = Int32(second)
    let seconds = timegm(&parts)
    return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
  }

  private struct Components {
    var year, month, day, hour, minute, second: Int32
  }

  private static func components(_ date: Date) -> Components {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return Components(
      year: parts.tm_year + 1900, month: parts.tm_mon + 1, day: parts.tm_mday, hour: parts.tm_hour,
      minute: parts.tm_min, second: parts.tm_sec)
  }
}
