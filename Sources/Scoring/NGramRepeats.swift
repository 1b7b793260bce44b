/// How often the most frequent n-gram of every order occurs in a sequence of words, computed in O(n log² n) time and
/// O(n) memory from a suffix array (prefix doubling), its LCP array (Kasai) and the LCP intervals (one stack pass).
///
/// An i-gram occurs k times exactly when k suffixes share a prefix of i words, i.e. lie in one LCP interval of value
/// ≥ i; so the top count of order i is the largest interval whose value is at least i. Words are compared as Swift
/// strings (canonical equivalence), as a dictionary of n-grams would.
struct NGramRepeats {
    /// The words, as given.
    let words: [String]
    /// `top[i]`: how often the most frequent i-gram occurs (1 when none repeats), for i in 0...n.
    private let top: [Int]
    private let suffixes: [Int]
    /// `lcp[j]`: the words suffixes `j − 1` and `j` (in suffix order) have in common; `lcp[0] = 0`.
    private let lcp: [Int]

    init(_ words: [String]) {
        self.words = words
        let n = words.count
        var numbering: [String: Int] = [:]
        let ids = words.map { word in
            if let id = numbering[word] { return id }
            numbering[word] = numbering.count
            return numbering.count - 1
        }
        suffixes = Self.suffixArray(ids)
        lcp = Self.commonPrefixes(ids, suffixes)
        var largest = [Int](repeating: 1, count: n + 2)
        var stack: [(value: Int, start: Int)] = [(0, 0)]
        if n > 0 {
            for position in 1...n {
                let value = position < n ? lcp[position] : 0
                var start = position - 1
                while value < stack[stack.count - 1].value {
                    let interval = stack.removeLast()
                    largest[interval.value] = max(largest[interval.value], position - interval.start)
                    start = interval.start
                }
                if value > stack[stack.count - 1].value { stack.append((value, start)) }
            }
        }
        for order in stride(from: n, through: 0, by: -1) { largest[order] = max(largest[order], largest[order + 1]) }
        top = largest
    }

    /// How often the most frequent n-gram of `order` words occurs; at least 1.
    func topCount(order: Int) -> Int { order < top.count ? top[order] : 1 }

    /// The n-grams of `order` words that occur `count` times, each joined with single spaces.
    func grams(order: Int, count: Int) -> [String] {
        guard !suffixes.isEmpty else { return [] }
        var result: [String] = []
        var start = 0
        for position in 1...suffixes.count {
            guard position == suffixes.count || lcp[position] < order else { continue }
            if position - start == count, suffixes.count - suffixes[start] >= order {
                result.append(words[suffixes[start]..<(suffixes[start] + order)].joined(separator: " "))
            }
            start = position
        }
        return result
    }

    /// Suffix start positions in increasing order of their word sequences (any consistent order of word ids).
    private static func suffixArray(_ ids: [Int]) -> [Int] {
        let n = ids.count
        var order = Array(0..<n)
        guard n > 1 else { return order }
        var rank = ids
        var next = [Int](repeating: 0, count: n)
        var span = 1
        while true {
            let current = rank
            let width = span
            func key(_ i: Int) -> (Int, Int) { (current[i], i + width < n ? current[i + width] : -1) }
            order.sort { key($0) < key($1) }
            next[order[0]] = 0
            for j in 1..<n { next[order[j]] = next[order[j - 1]] + (key(order[j - 1]) < key(order[j]) ? 1 : 0) }
            rank = next
            if rank[order[n - 1]] == n - 1 || span >= n { return order }
            span *= 2
        }
    }

    /// Kasai's algorithm.
    private static func commonPrefixes(_ ids: [Int], _ suffixes: [Int]) -> [Int] {
        let n = ids.count
        var inverse = [Int](repeating: 0, count: n)
        for (position, suffix) in suffixes.enumerated() { inverse[suffix] = position }
        var lcp = [Int](repeating: 0, count: n)
        var shared = 0
        for suffix in 0..<n {
            guard inverse[suffix] > 0 else {
                shared = 0
                continue
            }
            let previous = suffixes[inverse[suffix] - 1]
            while suffix + shared < n, previous + shared < n, ids[suffix + shared] == ids[previous + shared] { shared += 1 }
            lcp[inverse[suffix]] = shared
            if shared > 0 { shared -= 1 }
        }
        return lcp
    }
}
