/// Names and places for CornLake's synthetic people, farms and warehouses.
enum CornLakeNames {
    static let first = [
        "Ana", "Bruno", "Carla", "Diego", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João", "Karina", "Lucas",
        "Mariana", "Nicolas", "Olívia", "Paulo", "Quésia", "Rafael", "Sofia", "Thiago", "Úrsula", "Vitor", "Wanda", "Yasmin",
        "Zeca", "Emily", "Jacob", "Olivia", "Noah", "Mia", "Liam", "Chloe",
    ]
    static let last = [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
        "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Smith", "Johnson", "Miller", "Schmidt",
    ]
    static let places: [(city: String, state: String)] = [
        ("Sorriso", "MT"), ("Sinop", "MT"), ("Rondonópolis", "MT"), ("Rio Verde", "GO"), ("Jataí", "GO"), ("Cascavel", "PR"),
        ("Londrina", "PR"), ("Passo Fundo", "RS"), ("Uberaba", "MG"), ("Patos de Minas", "MG"), ("Ribeirão Preto", "SP"),
        ("Dourados", "MS"), ("Luís Eduardo Magalhães", "BA"), ("Balsas", "MA"), ("Des Moines", "IA"), ("Fargo", "ND"),
    ]
    static let farmWords = ["Fazenda", "Sítio", "Estância", "Granja", "Rancho"]
    static let farmNames = ["Boa Vista", "Santa Clara", "São João", "Três Irmãos", "Lagoa Azul", "Cerrado Alto", "Vale do Sol", "Bom Jesus", "Primavera", "Esperança", "Milho Verde", "Dos Rios"]
    static let soils = ["latossolo", "argissolo", "nitossolo", "neossolo", "cambissolo"]
    static let domains = ["gmail.com", "hotmail.com", "yahoo.com.br", "uol.com.br", "cornlake.example", "outlook.com"]
}
