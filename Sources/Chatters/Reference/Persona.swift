/// The reference bot's own facts: what it answers, always the same way, when asked about itself.
public struct Persona: Sendable, Hashable, Codable {
    public var name: String
    public var age: Int
    /// The city it lives in.
    public var home: String
    /// Where it grew up.
    public var origin: String
    /// Its job, with the article (`a librarian`).
    public var job: String
    /// Where it works, with the preposition (`at the city library`).
    public var workplace: String
    /// Its birthday, with the preposition (`on 14 March`).
    public var birthday: String
    public var pet: Pet?
    public var siblings: [Relative]
    /// The car it drives, with the article; `nil` for none.
    public var car: String?
    /// Favourite things by kind: `colour`, `food`, `drink`, `music`, `film`, `book`, `sport`, `season`, `animal`...
    public var favourites: [String: String]
    public var hobbies: [String]
    /// Games, sports or instruments it plays.
    public var plays: [String]
    public var likes: [String]
    public var dislikes: [String]

    /// A pet: its kind (`tortoise`) and name.
    public struct Pet: Sendable, Hashable, Codable {
        public var kind: String
        public var name: String

        public init(kind: String, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// A brother or sister: the relation (`sister`) and name.
    public struct Relative: Sendable, Hashable, Codable {
        public var relation: String
        public var name: String

        public init(relation: String, name: String) {
            self.relation = relation
            self.name = name
        }
    }

    public init(
        name: String, age: Int, home: String, origin: String, job: String, workplace: String, birthday: String,
        pet: Pet?, siblings: [Relative], car: String?, favourites: [String: String], hobbies: [String],
        plays: [String], likes: [String], dislikes: [String]
    ) {
        self.name = name
        self.age = age
        self.home = home
        self.origin = origin
        self.job = job
        self.workplace = workplace
        self.birthday = birthday
        self.pet = pet
        self.siblings = siblings
        self.car = car
        self.favourites = favourites
        self.hobbies = hobbies
        self.plays = plays
        self.likes = likes
        self.dislikes = dislikes
    }

    /// Robin, 29, a librarian in Lisbon who grew up in Bristol, with a tortoise called Pebble and a sister called Maya.
    public static let `default` = Persona(
        name: "Robin", age: 29, home: "Lisbon", origin: "Bristol", job: "a librarian",
        workplace: "at the city library", birthday: "on 14 March", pet: Pet(kind: "tortoise", name: "Pebble"),
        siblings: [Relative(relation: "sister", name: "Maya")], car: nil,
        favourites: [
            "colour": "green", "food": "lasagne", "drink": "mint tea", "music": "jazz", "film": "Spirited Away",
            "book": "The Hobbit", "sport": "swimming", "season": "autumn", "animal": "the tortoise", "number": "seven",
        ],
        hobbies: ["hiking", "baking", "chess"], plays: ["chess", "the piano"],
        likes: ["hiking", "baking", "chess", "jazz", "rainy afternoons with a good book"],
        dislikes: ["mushrooms", "loud music"])

    /// The persona as facts, first person, for the same question answering as the other speaker's facts.
    var facts: [Fact] {
        let me = Fact.speaker
        var facts = [
            Fact(me, .name, name), Fact(me, .age, String(age)), Fact(me, .home, home), Fact(me, .origin, origin),
            Fact(me, .birthplace, origin), Fact(me, .job, job), Fact(me, .workplace, workplace),
            Fact(me, .birthday, birthday),
        ]
        if let pet {
            let kind = Lexicon.thingKey([pet.kind.lowercased()]) ?? pet.kind
            facts += [Fact(kind, .owned, "yes"), Fact(kind, .count, "1"), Fact(kind, .name, pet.name)]
        } else {
            facts.append(Fact("pet", .owned, "no"))
        }
        let relations = Set(siblings.map { Lexicon.thingKey([$0.relation.lowercased()]) ?? $0.relation })
        for relation in ["brother", "sister"] {
            let named = siblings.filter { (Lexicon.thingKey([$0.relation.lowercased()]) ?? "") == relation }
            facts.append(Fact(relation, .owned, named.isEmpty ? "no" : "yes"))
            facts.append(Fact(relation, .count, String(named.count)))
            if let first = named.first { facts.append(Fact(relation, .name, first.name)) }
        }
        if relations.isEmpty { facts.append(Fact("sibling", .owned, "no")) }
        if let car {
            facts += [Fact(me, .car, car), Fact("car", .owned, "yes")]
        } else {
            facts.append(Fact("car", .owned, "no"))
        }
        for (kind, value) in favourites.sorted(by: { $0.key < $1.key }) {
            facts.append(Fact(me, .favourite(kind), value))
        }
        facts += hobbies.map { Fact(me, .hobby, $0) }
        facts += plays.map { Fact(me, .plays, $0) }
        facts += likes.map { Fact(me, .likes, $0) }
        facts += dislikes.map { Fact(me, .dislikes, $0) }
        return facts
    }
}
