/// Fixes to the command line before swift-argument-parser reads it.
enum CommandLineRepair {
    /// `--replications -1` → `--replications=-1`. The parser takes any word starting with `-` for an
    /// option, so a negative value would be reported as a missing value instead of being refused
    /// for what it is. No option of ours takes a value that looks like a negative number on purpose.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word.hasPrefix("--"), word.count > 2, !word.contains("="), index + 1 < arguments.count,
                isNegativeNumber(arguments[index + 1])
            {
                result.append(word + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(word)
                index += 1
            }
        }
        return result
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && Double(word.dropFirst()) != nil
    }

    /// The message for a first word (or the word after `help`) that is no command, with the
    /// closest command name when one is near: `unknown command 'simulat'; did you mean 'simulate'?`.
    static func unknownCommand(in arguments: [String], known: [String]) -> String? {
        guard var word = arguments.first, !word.hasPrefix("-") else { return nil }
        if word == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            word = arguments[1]
        }
        guard !known.contains(word) else { return nil }
        let nearest = known.map { (name: $0, distance: editDistance(word, $0)) }.min { $0.distance < $1.distance }
        if let nearest, nearest.distance <= max(2, word.count / 3) {
            return "unknown command '\(word)'; did you mean '\(nearest.name)'?"
        }
        return "unknown command '\(word)'; the commands are \(known.joined(separator: ", "))"
    }

    /// Levenshtein distance, O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
