import Foundation

/// The linear model of the PyPI package `alt-profanity-check`, exported to JSON by
/// `scripts/export_profanity_model.py`, computing the same probabilities as its `predict_prob`.
///
/// The text goes through scikit-learn's TfidfVectorizer as exported (``WordTokenizer``, stop words, word n-grams,
/// counts, optional binary / sublinear tf, idf, l1/l2 norm), then each calibrated LinearSVC gives a decision value
/// d = w·x + c and a probability 1 / (1 + exp(a·d + b)); the result is their mean. Sums run in scikit-learn's order
/// (features by ascending index), so the results agree to rounding.
public struct ProfanityModel: Sendable {
    struct Classifier: Codable, Sendable {
        var coef: [Double]
        var intercept: Double
        var a: Double
        var b: Double
    }

    struct File: Codable {
        var lowercase: Bool
        var token_pattern: String
        var ngram_range: [Int]
        var stop_words: [String]
        var binary: Bool
        var use_idf: Bool
        var sublinear_tf: Bool
        var norm: String?
        var vocabulary: [String: Int]
        var idf: [Double]
        var classifiers: [Classifier]
    }

    static let supportedPattern = #"(?u)\b\w\w+\b"#

    let lowercase: Bool
    let ngrams: ClosedRange<Int>
    let stopWords: Set<String>
    let binary: Bool
    let useIDF: Bool
    let sublinear: Bool
    let norm: String?
    let vocabulary: [String: Int]
    let idf: [Double]
    let classifiers: [Classifier]

    /// Loads the model installed in ``ModelDirectory`` (`<models>/profanity/model.json`).
    public static func installed() throws -> ProfanityModel {
        try load(path: ModelDirectory.profanityModel().path)
    }

    /// Loads an exported model; a missing file names the install command.
    public static func load(path: String) throws -> ProfanityModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw ProfanityModelError.missing(path) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch {
            throw ProfanityModelError(path: path, message: "not a profanity model export (\(error)); run \(ModelDirectory.installCommand) again")
        }
        return try ProfanityModel(file, path: path)
    }

    init(_ file: File, path: String) throws {
        func bad(_ message: String) -> ProfanityModelError { ProfanityModelError(path: path, message: message) }
        guard file.token_pattern == Self.supportedPattern else {
            throw bad("unsupported token pattern \(file.token_pattern)")
        }
        guard file.ngram_range.count == 2, file.ngram_range[0] >= 1, file.ngram_range[0] <= file.ngram_range[1] else {
            throw bad("bad ngram_range \(file.ngram_range)")
        }
        guard [nil, "l1", "l2"].contains(file.norm) else { throw bad("unsupported norm \(file.norm ?? "")") }
        let features = file.idf.count
        guard !file.classifiers.isEmpty, file.classifiers.allSatisfy({ $0.coef.count == features }),
            file.vocabulary.values.allSatisfy({ $0 >= 0 && $0 < features })
        else { throw bad("vocabulary, idf and coefficients do not fit together") }
        lowercase = file.lowercase
        ngrams = file.ngram_range[0]...file.ngram_range[1]
        stopWords = Set(file.stop_words)
        binary = file.binary
        useIDF = file.use_idf
        sublinear = file.sublinear_tf
        norm = file.norm
        vocabulary = file.vocabulary
        idf = file.idf
        classifiers = file.classifiers
    }

    /// The probability that the text is offensive (class 1), as `predict_prob([text])[0]`.
    public func probability(_ text: String) -> Double {
        let features = vector(text)
        var sum = 0.0
        for classifier in classifiers {
            var decision = 0.0
            for (index, value) in features { decision += value * classifier.coef[index] }
            decision += classifier.intercept
            var probability = 1 / (1 + exp(classifier.a * decision + classifier.b))
            if probability > 1, probability <= 1 + 1e-5 { probability = 1 }
            sum += probability
        }
        return sum / Double(classifiers.count)
    }

    /// The tf-idf vector of a text as (feature index, value) pairs by ascending index.
    func vector(_ text: String) -> [(Int, Double)] {
        var counts: [Int: Double] = [:]
        for term in terms(text) {
            if let index = vocabulary[term] { counts[index, default: 0] += 1 }
        }
        var entries = counts.sorted { $0.key < $1.key }.map { (index, count) -> (Int, Double) in
            var value = binary ? 1 : count
            if sublinear { value = log(value) + 1 }
            if useIDF { value *= idf[index] }
            return (index, value)
        }
        let length: Double
        switch norm {
        case "l2": length = entries.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        case "l1": length = entries.reduce(0) { $0 + abs($1.1) }
        default: length = 0
        }
        if length > 0 { entries = entries.map { ($0.0, $0.1 / length) } }
        return entries
    }

    /// scikit-learn's `_word_ngrams`: tokens without stop words, then the n-grams of each order in the range.
    func terms(_ text: String) -> [String] {
        let tokens = WordTokenizer.tokens(text, lowercase: lowercase).filter { !stopWords.contains($0) }
        guard ngrams != 1...1 else { return tokens }
        var terms: [String] = []
        for order in ngrams where order <= tokens.count {
            for start in 0...(tokens.count - order) {
                terms.append(tokens[start..<(start + order)].joined(separator: " "))
            }
        }
        return terms
    }
}
