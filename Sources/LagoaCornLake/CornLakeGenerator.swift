import Foundation
import LagoaColumnar

/// The operational data of CornLake, a fictional agribusiness: CRM (sales), farm management
/// (agronomy), logistics and finance systems, deterministic for a seed and a scale.
///
/// `scale: 1` is about one million rows over all tables. The data is deliberately dirty, as
/// operational data is, so the SOT models have real cleaning to do:
/// - customers: about 3% appear twice (an older copy with another spelling and an older
///   `updated_at`), 2% have malformed emails (no `@`, spaces, a missing domain), emails in mixed case,
///   CPFs with and without punctuation, phones in three formats, 8% without a phone;
/// - orders: statuses in mixed case with stray spaces, 0.3% refer to customers that do not exist;
/// - harvests: 1% with a non-positive weight (typing errors), 5% without a moisture reading;
/// - weather: 1% of readings without temperature.
/// Day 2 (``writeChanges(to:)``) adds customers, orders with their items, shipments, invoices and
/// payments, harvests and a day of weather, and updates existing rows (late status changes and
/// customer edits with a newer `updated_at`), so the second ingest has real increments.
public struct CornLakeGenerator: Sendable {
    public let scale: Double
    public let seed: UInt64

    /// The first execution date is the day after ``lastDay1``; day-2 changes happen on ``day2``.
    static let firstOrderDay = Int(TemporalFormat.days(year: 2025, month: 1, day: 1)!)
    static let lastDay1 = Int(TemporalFormat.days(year: 2026, month: 11, day: 18)!)
    static let day2 = lastDay1 + 1

    public init(scale: Double = 1, seed: UInt64 = 2026) {
        self.scale = scale
        self.seed = seed
    }

    func count(_ base: Double, minimum: Int = 1) -> Int { max(minimum, Int((base * scale).rounded())) }
    var customers: Int { count(20_000, minimum: 20) }
    var orders: Int { count(100_000, minimum: 50) }
    var farms: Int { count(500, minimum: 4) }
    var fieldsPerFarm: Int { 10 }
    var harvests: Int { count(60_000, minimum: 40) }
    var readingsPerFarm: Int { max(8, Int(400_000 * scale) / farms) }
    var warehouses: Int { count(40, minimum: 3) }

    /// Rows written per table, for the summary.
    public typealias Counts = [String: Int]

    /// Creates the tables and writes day 1's data.
    public func writeInitial(to sink: any DemoSink) throws(DemoError) -> Counts {
        for domain in CornLakeSchema.domains {
            for (_, ddl) in CornLakeSchema.tables[domain]! { try sink.execute(ddl, domain: domain) }
        }
        var counts: Counts = [:]
        var random = CornLakeRandom(seed: seed)
        try writeCrops(sink, &counts)
        try writeCustomers(sink, &random, ids: 1...customers, day: nil, &counts)
        try writeFarms(sink, &random, &counts)
        try writeHarvests(sink, &random, ids: 1...harvests, lastDay: Self.lastDay1, &counts)
        try writeWeather(sink, &random, firstID: 1, days: (Self.lastDay1 - readingsPerFarm / 4 + 1)...Self.lastDay1, &counts)
        try writeWarehouses(sink, &random, &counts)
        try writeOrders(sink, &random, ids: 1...orders, days: Self.firstOrderDay...Self.lastDay1, &counts)
        return counts
    }

    /// Day 2: new rows and late updates.
    public func writeChanges(to sink: any DemoSink) throws(DemoError) -> Counts {
        var counts: Counts = [:]
        var random = CornLakeRandom(seed: seed &+ 2)
        let newCustomers = max(2, customers / 100)
        try writeCustomers(sink, &random, ids: (customers + 1)...(customers + newCustomers), day: Self.day2, &counts)
        let stamp = Self.timestamp(Self.day2, seconds: 17 * 3600)
        try sink.execute("UPDATE customers SET email = lower(trim(email)), phone = '+55 65 99999-0000', updated_at = '\(stamp)' WHERE customer_id % 97 = 5", domain: "sales")
        try sink.execute("UPDATE orders SET status = 'delivered', updated_at = '\(stamp)' WHERE order_id % 50 = 7 AND trim(lower(status)) = 'shipped'", domain: "sales")
        try sink.execute("UPDATE shipments SET status = 'delivered', delivered_at = '\(stamp)' WHERE order_id % 50 = 7 AND delivered_at IS NULL", domain: "logistics")
        // Customers pay some open invoices: new payments (ids past every earlier one) and the
        // invoices' new status.
        let day = TemporalFormat.date(Int64(Self.day2))
        let settled = "status IN ('open', 'overdue') AND invoice_id % 3 = 1"
        try sink.execute("INSERT INTO payments SELECT 10000000 + invoice_id, invoice_id, '\(day)', amount, 'pix' FROM invoices WHERE \(settled)", domain: "finance")
        try sink.execute("UPDATE invoices SET status = 'paid' WHERE \(settled)", domain: "finance")
        try writeOrders(sink, &random, ids: (orders + 1)...(orders + max(5, orders / 100)), days: Self.day2...Self.day2, &counts)
        try writeHarvests(sink, &random, ids: (harvests + 1)...(harvests + max(4, harvests / 100)), lastDay: Self.day2, &counts)
        try writeWeather(sink, &random, firstID: farms * readingsPerFarm / 4 * 4 + 1, days: Self.day2...Self.day2, &counts)
        return counts
    }

    // MARK: Tables

    private func writeCrops(_ sink: any DemoSink, _ counts: inout Counts) throws(DemoError) {
        let rows = CornLakeSchema.crops.enumerated().map { i, c in [DemoCell.int(Int64(i + 1)), .text(c.name), .text(c.category), .text(Self.money(c.price))] }
        try put(sink, rows, "crops", "agronomy", &counts)
    }

    private func writeCustomers(_ sink: any DemoSink, _ random: inout CornLakeRandom, ids: ClosedRange<Int>, day: Int?, _ counts: inout Counts) throws(DemoError) {
        var rows: [[DemoCell]] = []
        for id in ids {
            let first = random.pick(CornLakeNames.first), last = random.pick(CornLakeNames.last)
            let place = random.pick(CornLakeNames.places)
            let created = day ?? random.int(in: (Self.firstOrderDay - 700)...(Self.lastDay1 - 30))
            let updated = day ?? min(Self.lastDay1, created + random.int(400))
            var email = "\(Self.ascii(first)).\(Self.ascii(last))\(id)@\(random.pick(CornLakeNames.domains))"
            if random.chance(0.02) {
                email = random.pick([email.replacingAt(" at "), email.replacingDomain(), " \(email) "])
            } else if random.chance(0.2) {
                email = email.uppercased()
            }
            let cpf = Self.cpf(&random, formatted: random.chance(0.5))
            let phone: DemoCell = random.chance(0.08) ? .null : .text(Self.phone(&random))
            let status = random.chance(0.9) ? "active" : "inactive"
            let row: [DemoCell] = [
                .int(Int64(id)), .text("\(first) \(last)"), .text(email), .text(cpf), phone, .text(place.city), .text(place.state),
                .text(Self.timestamp(created, seconds: random.int(86_400))), .text(Self.timestamp(updated, seconds: random.int(86_400))), .text(status),
            ]
            rows.append(row)
            if day == nil && random.chance(0.03) {
                // An older duplicate from a past import: other spelling, older update.
                var copy = row
                copy[1] = .text("\(first.uppercased())  \(last.uppercased())")
                copy[2] = .text(email.uppercased())
                copy[8] = .text(Self.timestamp(max(created, updated - 1 - random.int(200)), seconds: 0))
                rows.append(copy)
            }
        }
        try put(sink, rows, "customers", "sales", &counts)
    }

    private func writeFarms(_ sink: any DemoSink, _ random: inout CornLakeRandom, _ counts: inout Counts) throws(DemoError) {
        var farmRows: [[DemoCell]] = [], fieldRows: [[DemoCell]] = []
        for farm in 1...farms {
            let place = random.pick(CornLakeNames.places)
            var total = 0.0
            for f in 1...fieldsPerFarm {
                let area = Self.fieldArea((farm - 1) * fieldsPerFarm + f)
                total += area
                fieldRows.append([
                    .int(Int64((farm - 1) * fieldsPerFarm + f)), .int(Int64(farm)), .text("Talhão \(f)"), .text(Self.money(area)), .text(random.pick(CornLakeNames.soils)),
                ])
            }
            farmRows.append([
                .int(Int64(farm)), .text("\(random.pick(CornLakeNames.farmWords)) \(random.pick(CornLakeNames.farmNames)) \(farm)"), .text(place.state), .text(place.city),
                .text(Self.money(total)),
            ])
        }
        try put(sink, farmRows, "farms", "agronomy", &counts)
        try put(sink, fieldRows, "fields", "agronomy", &counts)
    }

    private func writeHarvests(_ sink: any DemoSink, _ random: inout CornLakeRandom, ids: ClosedRange<Int>, lastDay: Int, _ counts: inout Counts) throws(DemoError) {
        var rows: [[DemoCell]] = []
        let fields = farms * fieldsPerFarm
        for id in ids {
            let field = 1 + random.int(fields)
            let crop = 1 + (field * 7 + random.int(3)) % CornLakeSchema.crops.count
            let expected = CornLakeSchema.crops[crop - 1].yield
            var tonnes = max(0.05 * expected, random.normal(expected, expected * 0.15)) * Self.fieldArea(field)
            if random.chance(0.01) { tonnes = -tonnes }
            let day = lastDay == Self.day2 ? Self.day2 : random.int(in: (Self.firstOrderDay - 365)...lastDay)
            rows.append([
                .int(Int64(id)), .int(Int64(field)), .int(Int64(crop)), .text(TemporalFormat.date(Int64(day))), .text(Self.decimal(tonnes, 3)),
                random.chance(0.05) ? .null : .real(random.normal(13.5, 1.5).rounded(toPlaces: 1)),
            ])
        }
        try put(sink, rows, "harvests", "agronomy", &counts)
    }

    private func writeWeather(_ sink: any DemoSink, _ random: inout CornLakeRandom, firstID: Int, days: ClosedRange<Int>, _ counts: inout Counts) throws(DemoError) {
        var rows: [[DemoCell]] = []
        rows.reserveCapacity(farms * days.count * 4)
        var id = firstID
        for day in days {
            let season = cos(Double((day + 10) % 365) / 365 * 2 * Double.pi)
            for farm in 1...farms {
                for hour in [0, 6, 12, 18] {
                    let base = 24 + 4 * season + (hour == 12 ? 6 : hour == 18 ? 3 : -2)
                    rows.append([
                        .int(Int64(id)), .int(Int64(farm)), .text(Self.timestamp(day, seconds: hour * 3600)),
                        random.chance(0.01) ? .null : .real(random.normal(base, 2).rounded(toPlaces: 1)),
                        .real(random.chance(0.7) ? 0 : (random.unit() * 25).rounded(toPlaces: 1)), .real(random.normal(68, 12).rounded(toPlaces: 0)),
                    ])
                    id += 1
                }
            }
            if rows.count > 50_000 {
                try put(sink, rows, "weather_readings", "agronomy", &counts)
                rows.removeAll(keepingCapacity: true)
            }
        }
        try put(sink, rows, "weather_readings", "agronomy", &counts)
    }

    private func writeWarehouses(_ sink: any DemoSink, _ random: inout CornLakeRandom, _ counts: inout Counts) throws(DemoError) {
        let rows = (1...warehouses).map { id -> [DemoCell] in
            let place = CornLakeNames.places[id % CornLakeNames.places.count]
            return [.int(Int64(id)), .text("Armazém \(place.city) \(id)"), .text(place.city), .text(place.state), .text(Self.decimal(Double(5_000 + (id * 7_919) % 45_000), 1))]
        }
        try put(sink, rows, "warehouses", "logistics", &counts)
    }

    /// Orders with their items, shipments, invoices and payments.
    private func writeOrders(_ sink: any DemoSink, _ random: inout CornLakeRandom, ids: ClosedRange<Int>, days: ClosedRange<Int>, _ counts: inout Counts) throws(DemoError) {
        var orders: [[DemoCell]] = [], items: [[DemoCell]] = [], shipments: [[DemoCell]] = [], invoices: [[DemoCell]] = [], payments: [[DemoCell]] = []
        let knownCustomers = days.lowerBound == Self.day2 ? customers + max(2, customers / 100) : customers
        for id in ids {
            let day = random.int(in: days)
            let customer = random.chance(0.003) ? knownCustomers + 1 + random.int(1000) : 1 + random.int(knownCustomers)
            let age = Self.day2 - day
            var status = age > 20 ? (random.chance(0.06) ? "cancelled" : "delivered") : random.pick(["pending", "shipped", "delivered"])
            if random.chance(0.02) { status = random.pick([status.capitalized, " \(status)", status.uppercased() + " "]) }
            let clean = status.lowercased().filter { $0 != " " }
            let updatedDay = min(Self.day2, day + (clean == "pending" ? 0 : random.int(6)))
            let updatedCap = days.lowerBound == Self.day2 ? Self.day2 : min(updatedDay, Self.lastDay1)
            orders.append([
                .int(Int64(id)), .int(Int64(customer)), .text(TemporalFormat.date(Int64(day))), .text(status), .text(random.pick(["web", "sales_rep", "app", "phone"])),
                .text(Self.timestamp(updatedCap, seconds: random.int(86_400))),
            ])
            var total = 0.0, tonnesTotal = 0.0
            for line in 1...(1 + random.int(4)) {
                let crop = 1 + random.int(CornLakeSchema.crops.count)
                let tonnes = (1 + random.unit() * 120).rounded(toPlaces: 3)
                let price = (CornLakeSchema.crops[crop - 1].price * (0.9 + random.unit() * 0.2)).rounded(toPlaces: 2)
                total += (tonnes * price).rounded(toPlaces: 2)
                tonnesTotal += tonnes
                items.append([.int(Int64(id)), .int(Int64(line)), .int(Int64(crop)), .text(Self.decimal(tonnes, 3)), .text(Self.money(price))])
            }
            if clean == "cancelled" { continue }
            if clean != "pending" {
                let shipped = day + 1 + random.int(2)
                let delivered: DemoCell = clean == "delivered" ? .text(Self.timestamp(min(Self.day2, shipped + 1 + random.int(6)), seconds: random.int(86_400))) : .null
                shipments.append([
                    .int(Int64(id)), .int(Int64(id)), .int(Int64(1 + random.int(warehouses))), .text(Self.timestamp(min(Self.day2, shipped), seconds: random.int(86_400))), delivered,
                    .text(clean == "delivered" ? "delivered" : "in_transit"), .text(Self.decimal(tonnesTotal, 3)),
                ])
            }
            let issued = day + 1, due = issued + 30
            let paid = age > 10 && random.chance(age > 60 ? 0.985 : 0.8)
            invoices.append([
                .int(Int64(id)), .int(Int64(id)), .text(TemporalFormat.date(Int64(issued))), .text(TemporalFormat.date(Int64(due))), .text(Self.money(total)),
                .text(paid ? "paid" : (due < Self.day2 ? "overdue" : "open")),
            ])
            if paid {
                payments.append([.int(Int64(id)), .int(Int64(id)), .text(TemporalFormat.date(Int64(min(Self.lastDay1, issued + random.int(40))))), .text(Self.money(total)), .text(random.pick(["pix", "boleto", "wire", "card"]))])
            }
        }
        try put(sink, orders, "orders", "sales", &counts)
        try put(sink, items, "order_items", "sales", &counts)
        try put(sink, shipments, "shipments", "logistics", &counts)
        try put(sink, invoices, "invoices", "finance", &counts)
        try put(sink, payments, "payments", "finance", &counts)
    }

    private func put(_ sink: any DemoSink, _ rows: [[DemoCell]], _ table: String, _ domain: String, _ counts: inout Counts) throws(DemoError) {
        guard !rows.isEmpty else { return }
        try sink.insert(rows, into: table, domain: domain)
        counts[table, default: 0] += rows.count
    }

    // MARK: Values

    static func timestamp(_ day: Int, seconds: Int) -> String {
        TemporalFormat.timestamp((Int64(day) * 86_400 + Int64(seconds)) * 1000, .millisecond, utc: false, separator: " ")
    }

    static func money(_ value: Double) -> String { decimal(value, 2) }

    /// A field's area in hectares (20 to 500), a function of its id so harvests can use it.
    static func fieldArea(_ field: Int) -> Double {
        20 + Double((field &* 7_919) % 48_000) / 100
    }

    /// `value` with exactly `places` decimals, as text (exact in the database's DECIMAL column).
    static func decimal(_ value: Double, _ places: Int) -> String {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let scaled = Int64((value * factor).rounded())
        return TemporalFormat.decimal(Int128(scaled), scale: places)
    }

    /// A valid CPF (two check digits), as `123.456.789-09` or `12345678909`.
    static func cpf(_ random: inout CornLakeRandom, formatted: Bool) -> String {
        var digits = (0..<9).map { _ in random.int(10) }
        for length in [9, 10] {
            let sum = (0..<length).reduce(0) { $0 + digits[$1] * (length + 1 - $1) }
            let check = (sum * 10) % 11
            digits.append(check == 10 ? 0 : check)
        }
        let text = digits.map(String.init).joined()
        guard formatted else { return text }
        let c = Array(text)
        return "\(String(c[0..<3])).\(String(c[3..<6])).\(String(c[6..<9]))-\(String(c[9..<11]))"
    }

    static func phone(_ random: inout CornLakeRandom) -> String {
        let area = random.pick([11, 16, 34, 44, 62, 65, 66, 67, 77, 99])
        let number = 900_000_000 + random.int(99_999_999)  // nine digits, as Brazilian mobiles
        let text = "\(number)"
        switch random.int(3) {
        case 0: return "(\(area)) \(text.prefix(5))-\(text.suffix(4))"
        case 1: return "+55 \(area) \(text)"
        default: return "\(area)\(text)"
        }
    }

    static func ascii(_ name: String) -> String {
        String(name.lowercased().map { c -> Character in
            switch c {
            case "á", "ã", "â": "a"
            case "é", "ê": "e"
            case "í": "i"
            case "ó", "õ", "ô": "o"
            case "ú": "u"
            case "ç": "c"
            default: c
            }
        })
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return (self * factor).rounded() / factor
    }
}

extension String {
    /// `ana@x.com` → `ana at x.com` (a malformed email).
    fileprivate func replacingAt(_ text: String) -> String { split(separator: "@").joined(separator: text) }
    /// `ana@x.com` → `ana@` (no domain).
    fileprivate func replacingDomain() -> String { (split(separator: "@").first.map(String.init) ?? self) + "@" }
}
