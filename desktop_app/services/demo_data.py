"""Pure data for the demo association (`services.demo`): names, places, organisations.

Everything here is plain tuples of strings (and a weight where one is needed). The area is
Lyon and its métropole, plus a few communes of the Rhône: the communes and their postcodes are
real (Lyon is split into its nine arrondissement postcodes, 69001 to 69009). Street names are
common French street names, not checked against each commune. Every organisation below
(landlords, HLM offices, mandataires, associations) is invented; public bodies that exist once
per territory (CAF, SPIP, CCAPEX, CCAS of a commune…) are named generically.

Phone numbers are drawn by `services.demo` from the blocks ARCEP reserves for fiction
(``06 39 98 xx xx``, ``04 65 71 xx xx``) and e-mail addresses use the reserved ``example``
domains, so no demo record can reach a real person.
"""

from __future__ import annotations

from typing import Final

# ------------------------------------------------------------------ first names

# Origins drive coherent families: a household draws its names from one origin (sometimes two).
ORIGINS: Final[tuple[str, ...]] = (
    "france",
    "maghreb",
    "west_africa",
    "central_africa",
    "eastern_europe",
    "asia",
    "middle_east_horn",
)

# Relative frequency of each origin among the households of the demo.
ORIGIN_WEIGHTS: Final[tuple[int, ...]] = (46, 20, 11, 5, 8, 4, 6)

WOMEN_FRANCE_OLDER: Final[tuple[str, ...]] = (
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Sandrine",
    "Christine",
    "Valérie",
    "Céline",
    "Stéphanie",
    "Aurélie",
    "Virginie",
    "Patricia",
    "Monique",
    "Brigitte",
    "Martine",
    "Françoise",
    "Josiane",
    "Corinne",
    "Karine",
    "Véronique",
    "Delphine",
    "Christelle",
    "Annie",
)
WOMEN_FRANCE_YOUNGER: Final[tuple[str, ...]] = (
    "Julie",
    "Émilie",
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Sarah",
    "Laura",
    "Pauline",
    "Jessica",
    "Mélanie",
    "Océane",
    "Jade",
    "Louise",
    "Emma",
    "Lina",
    "Inès",
    "Clara",
    "Anaïs",
    "Morgane",
    "Lucie",
    "Alice",
    "Zoé",
)
WOMEN_MAGHREB: Final[tuple[str, ...]] = (
    "Fatima",
    "Khadija",
    "Nadia",
    "Samira",
    "Leïla",
    "Yasmina",
    "Malika",
    "Karima",
    "Amina",
    "Naïma",
    "Souad",
    "Rachida",
    "Sabrina",
    "Nawel",
    "Meriem",
    "Imane",
    "Houria",
    "Farida",
    "Assia",
    "Yasmine",
)
WOMEN_WEST_AFRICA: Final[tuple[str, ...]] = (
    "Aminata",
    "Fatoumata",
    "Mariam",
    "Awa",
    "Aïssatou",
    "Kadiatou",
    "Binta",
    "Ramatoulaye",
    "Djeneba",
    "Oumou",
    "Rokia",
    "Coumba",
)
WOMEN_CENTRAL_AFRICA: Final[tuple[str, ...]] = (
    "Grâce",
    "Prisca",
    "Merveille",
    "Divine",
    "Chancelle",
    "Rachelle",
)
WOMEN_EASTERN_EUROPE: Final[tuple[str, ...]] = (
    "Elena",
    "Ioana",
    "Mihaela",
    "Anastasia",
    "Olena",
    "Natalia",
    "Irina",
    "Svetlana",
    "Katarzyna",
    "Daria",
    "Tamara",
    "Nino",
)
WOMEN_ASIA: Final[tuple[str, ...]] = (
    "Lan",
    "Mai",
    "Linh",
    "Mei",
    "Xiu",
    "Priya",
    "Kavitha",
    "Nasrin",
)
WOMEN_MIDDLE_EAST_HORN: Final[tuple[str, ...]] = (
    "Zahra",
    "Maryam",
    "Shirin",
    "Hiba",
    "Ayan",
    "Luwam",
    "Selam",
)

MEN_FRANCE_OLDER: Final[tuple[str, ...]] = (
    "Jean",
    "Pierre",
    "Michel",
    "Philippe",
    "Alain",
    "Patrick",
    "Christophe",
    "Stéphane",
    "Laurent",
    "Frédéric",
    "Thierry",
    "Pascal",
    "Éric",
    "Bernard",
    "Gérard",
    "Daniel",
    "Jérôme",
    "Olivier",
    "Franck",
    "Didier",
    "Gilles",
    "Bruno",
)
MEN_FRANCE_YOUNGER: Final[tuple[str, ...]] = (
    "Nicolas",
    "Sébastien",
    "David",
    "Julien",
    "Thomas",
    "Kevin",
    "Anthony",
    "Maxime",
    "Alexandre",
    "Lucas",
    "Hugo",
    "Mathieu",
    "Romain",
    "Florian",
    "Dylan",
    "Jordan",
    "Théo",
    "Nathan",
    "Enzo",
    "Louis",
    "Gabriel",
    "Arthur",
)
MEN_MAGHREB: Final[tuple[str, ...]] = (
    "Mohamed",
    "Ahmed",
    "Karim",
    "Mehdi",
    "Rachid",
    "Youssef",
    "Hamid",
    "Samir",
    "Abdelkader",
    "Mourad",
    "Nordine",
    "Bilal",
    "Sofiane",
    "Farid",
    "Khaled",
    "Djamel",
    "Hocine",
    "Yacine",
    "Walid",
    "Omar",
)
MEN_WEST_AFRICA: Final[tuple[str, ...]] = (
    "Mamadou",
    "Moussa",
    "Ibrahima",
    "Ousmane",
    "Abdoulaye",
    "Souleymane",
    "Boubacar",
    "Seydou",
    "Cheikh",
    "Lamine",
    "Amadou",
    "Idrissa",
)
MEN_CENTRAL_AFRICA: Final[tuple[str, ...]] = (
    "Serge",
    "Christian",
    "Jean-Claude",
    "Patrice",
    "Blaise",
    "Junior",
)
MEN_EASTERN_EUROPE: Final[tuple[str, ...]] = (
    "Ion",
    "Vasile",
    "Andrei",
    "Mihai",
    "Piotr",
    "Tomasz",
    "Oleksandr",
    "Dmitri",
    "Sergueï",
    "Giorgi",
    "Artur",
    "Bogdan",
)
MEN_ASIA: Final[tuple[str, ...]] = (
    "Minh",
    "Duc",
    "Hung",
    "Wei",
    "Jun",
    "Suresh",
    "Arun",
    "Rahim",
)
MEN_MIDDLE_EAST_HORN: Final[tuple[str, ...]] = (
    "Ali",
    "Hassan",
    "Abdullah",
    "Mustafa",
    "Ahmad",
    "Yonas",
    "Tesfay",
    "Abdirahman",
)

# ------------------------------------------------------------------ last names

LAST_NAMES_FRANCE: Final[tuple[str, ...]] = (
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Henry",
    "Roussel",
    "Mathieu",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Garcia",
    "Martinez",
    "Lopez",
    "Fernandez",
    "Da Silva",
    "Pereira",
    "Ferreira",
    "Rossi",
)
LAST_NAMES_MAGHREB: Final[tuple[str, ...]] = (
    "Benali",
    "Belkacem",
    "Haddad",
    "Mansouri",
    "Benmoussa",
    "Boukhari",
    "Cherif",
    "Amrani",
    "Bouzid",
    "Aït Ahmed",
    "Hamidi",
    "Saïdi",
    "Brahimi",
    "Khelifi",
    "Meziane",
    "Benyahia",
    "Zerrouki",
    "Lahlou",
    "El Idrissi",
    "Bensaïd",
    "Djebbar",
    "Ouali",
    "Rahmani",
    "Tazi",
    "Bouaziz",
)
LAST_NAMES_WEST_AFRICA: Final[tuple[str, ...]] = (
    "Diallo",
    "Traoré",
    "Diop",
    "Ndiaye",
    "Sow",
    "Camara",
    "Keïta",
    "Koné",
    "Coulibaly",
    "Cissé",
    "Touré",
    "Sylla",
    "Fofana",
    "Bamba",
    "Sangaré",
    "Konaté",
)
LAST_NAMES_CENTRAL_AFRICA: Final[tuple[str, ...]] = (
    "Mukendi",
    "Kabongo",
    "Mbemba",
    "Ngoma",
    "Tshibanda",
    "Makosso",
)
LAST_NAMES_EASTERN_EUROPE: Final[tuple[str, ...]] = (
    "Popescu",
    "Ionescu",
    "Dumitru",
    "Constantin",
    "Popa",
    "Stan",
    "Nowak",
    "Shevchenko",
    "Kovalenko",
    "Bondarenko",
    "Tkachenko",
    "Beridze",
    "Kapanadze",
    "Gelashvili",
    "Krasniqi",
    "Berisha",
)
LAST_NAMES_ASIA: Final[tuple[str, ...]] = (
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Chen",
    "Wang",
    "Zhang",
    "Rahman",
    "Hossain",
    "Sivakumar",
    "Selvaraj",
)
LAST_NAMES_MIDDLE_EAST_HORN: Final[tuple[str, ...]] = (
    "Ahmadi",
    "Hosseini",
    "Rezaei",
    "Abdi",
    "Hussein",
    "Tesfaye",
    "Haile",
    "Yilmaz",
    "Demir",
    "Kaya",
)

# Origin → names, in the order of ORIGINS.
WOMEN_BY_ORIGIN: Final[tuple[tuple[str, ...], ...]] = (
    WOMEN_FRANCE_OLDER + WOMEN_FRANCE_YOUNGER,
    WOMEN_MAGHREB,
    WOMEN_WEST_AFRICA,
    WOMEN_CENTRAL_AFRICA,
    WOMEN_EASTERN_EUROPE,
    WOMEN_ASIA,
    WOMEN_MIDDLE_EAST_HORN,
)
MEN_BY_ORIGIN: Final[tuple[tuple[str, ...], ...]] = (
    MEN_FRANCE_OLDER + MEN_FRANCE_YOUNGER,
    MEN_MAGHREB,
    MEN_WEST_AFRICA,
    MEN_CENTRAL_AFRICA,
    MEN_EASTERN_EUROPE,
    MEN_ASIA,
    MEN_MIDDLE_EAST_HORN,
)
LAST_NAMES_BY_ORIGIN: Final[tuple[tuple[str, ...], ...]] = (
    LAST_NAMES_FRANCE,
    LAST_NAMES_MAGHREB,
    LAST_NAMES_WEST_AFRICA,
    LAST_NAMES_CENTRAL_AFRICA,
    LAST_NAMES_EASTERN_EUROPE,
    LAST_NAMES_ASIA,
    LAST_NAMES_MIDDLE_EAST_HORN,
)
# Languages spoken by people of each origin who do not speak French well (none for France).
LANGUAGES_BY_ORIGIN: Final[tuple[tuple[str, ...], ...]] = (
    (),
    ("arabe", "berbère (kabyle)", "arabe"),
    ("peul", "soninké", "bambara", "wolof", "malinké"),
    ("lingala", "kikongo"),
    ("roumain", "ukrainien", "russe", "géorgien", "albanais", "polonais"),
    ("vietnamien", "mandarin", "tamoul", "bengali"),
    ("dari", "pachto", "tigrinya", "somali", "turc", "arabe"),
)

WOMEN_FIRST_NAMES: Final[tuple[str, ...]] = tuple(
    name for names in WOMEN_BY_ORIGIN for name in names
)
MEN_FIRST_NAMES: Final[tuple[str, ...]] = tuple(name for names in MEN_BY_ORIGIN for name in names)
LAST_NAMES: Final[tuple[str, ...]] = tuple(name for names in LAST_NAMES_BY_ORIGIN for name in names)

# ------------------------------------------------------------------ places

# (commune, postcode, weight): real communes of the Métropole de Lyon and the Rhône with their
# real postcodes; the weight roughly follows where social and private rented housing is.
COMMUNES: Final[tuple[tuple[str, str, int], ...]] = (
    ("Lyon", "69001", 4),
    ("Lyon", "69002", 3),
    ("Lyon", "69003", 8),
    ("Lyon", "69004", 3),
    ("Lyon", "69005", 4),
    ("Lyon", "69006", 3),
    ("Lyon", "69007", 8),
    ("Lyon", "69008", 10),
    ("Lyon", "69009", 9),
    ("Villeurbanne", "69100", 14),
    ("Vénissieux", "69200", 10),
    ("Vaulx-en-Velin", "69120", 9),
    ("Bron", "69500", 5),
    ("Saint-Priest", "69800", 5),
    ("Caluire-et-Cuire", "69300", 3),
    ("Rillieux-la-Pape", "69140", 5),
    ("Meyzieu", "69330", 3),
    ("Décines-Charpieu", "69150", 3),
    ("Saint-Fons", "69190", 4),
    ("Givors", "69700", 4),
    ("Sainte-Foy-lès-Lyon", "69110", 2),
    ("Tassin-la-Demi-Lune", "69160", 1),
    ("Écully", "69130", 1),
    ("Francheville", "69340", 1),
    ("Saint-Genis-Laval", "69230", 2),
    ("Neuville-sur-Saône", "69250", 1),
    ("Chassieu", "69680", 1),
    ("Mions", "69780", 1),
    ("Corbas", "69960", 1),
    ("Feyzin", "69320", 2),
    ("Irigny", "69540", 1),
    ("La Mulatière", "69350", 1),
    ("Grigny", "69520", 2),
    ("Craponne", "69290", 1),
    ("Dardilly", "69570", 1),
    ("Fontaines-sur-Saône", "69270", 1),
    ("Sathonay-Camp", "69580", 1),
    ("Villefranche-sur-Saône", "69400", 4),
    ("Tarare", "69170", 1),
    ("Brignais", "69530", 1),
)

# Communes of COMMUNES outside the Métropole de Lyon (the Département du Rhône serves them).
OUTSIDE_METROPOLE: Final[tuple[str, ...]] = ("Villefranche-sur-Saône", "Tarare", "Brignais")

# Territories of the métropole, used to name programmes when there are several of a kind.
TERRITORIES: Final[tuple[str, ...]] = (
    "Lyon Centre",
    "Lyon Est",
    "Villeurbanne",
    "Portes du Sud",
    "Rhône Amont",
    "Val de Saône",
    "Ouest Nord",
    "Lônes et Coteaux",
    "Plateau Nord",
    "Porte des Alpes",
)

STREETS: Final[tuple[str, ...]] = (
    "rue Victor Hugo",
    "rue de la République",
    "rue Pasteur",
    "rue Paul Bert",
    "rue Jules Ferry",
    "rue Gambetta",
    "rue Anatole France",
    "rue Émile Zola",
    "rue Jean Moulin",
    "rue de la Gare",
    "rue des Écoles",
    "rue du Stade",
    "rue des Tilleuls",
    "rue des Acacias",
    "rue Voltaire",
    "rue Danton",
    "rue Marcel Cachin",
    "rue Henri Barbusse",
    "rue Pierre Brossolette",
    "rue Lamartine",
    "rue de la Paix",
    "rue du Moulin",
    "rue des Jardins",
    "rue Condorcet",
    "rue Garibaldi",
    "rue Marc Bloch",
    "rue Lucie Aubrac",
    "rue Simone Veil",
    "rue Rosa Parks",
    "rue Germaine Tillion",
    "rue Jean Macé",
    "rue de la Liberté",
    "rue Édouard Herriot",
    "rue Jacquard",
    "rue des Canuts",
    "rue Louis Braille",
    "avenue Jean Jaurès",
    "avenue Berthelot",
    "avenue Félix Faure",
    "avenue du Général Leclerc",
    "avenue de la Libération",
    "avenue Salvador Allende",
    "avenue Roger Salengro",
    "avenue Franklin Roosevelt",
    "avenue des Frères Lumière",
    "avenue Georges Pompidou",
    "boulevard des États-Unis",
    "boulevard Yves Farge",
    "boulevard Irène Joliot-Curie",
    "boulevard Ambroise Paré",
    "boulevard de l'Europe",
    "boulevard du 11 Novembre",
    "impasse des Lilas",
    "impasse du Chêne",
    "impasse des Rosiers",
    "impasse du Verger",
    "place de la Mairie",
    "place du Marché",
    "place Carnot",
    "place de la Fraternité",
    "allée des Cerisiers",
    "allée des Peupliers",
    "chemin des Vignes",
    "montée des Roches",
    "cours Charlemagne",
)

# ------------------------------------------------------------------ organisations (invented)

ORGANISATION_NAME: Final = "Association Toit Partagé"
ORGANISATION_AGREEMENTS: Final = (
    "Agrément intermédiation locative et gestion locative sociale (ILGLS) n° 69-2019-014 ; "
    "agrément ingénierie sociale, financière et technique (ISFT) n° 69-2019-015 ; "
    "habilitation AVDL du 12 mars 2020"
)

# Social landlords: plausible but invented HLM names.
SOCIAL_LANDLORDS: Final[tuple[str, ...]] = (
    "Rhodanie Habitat",
    "Habitat Lugdunum",
    "Balmes et Saône Logement",
    "Les Logis des Deux Rives",
    "Coteaux Lyonnais Habitat",
    "Fourvière Habitat Social",
    "Presqu'île Habitat",
    "Mont-Cindre Habitat",
    "Traboules Logement Social",
    "Gerland Logis HLM",
)

# Landlords of kind "other" with the sector of their dwellings: invented foncières solidaires
# (private stock under an ANAH agreement) and municipal stocks (social).
OTHER_LANDLORDS: Final[tuple[tuple[str, str], ...]] = (
    ("Foncière Toits Solidaires du Rhône", "private"),
    ("Parc communal de Vaulx-en-Velin", "social"),
    ("Foncière Gones Solidaires", "private"),
    ("Parc communal de Givors", "social"),
)

# Private owners' civil property companies (invented).
SCI_NAMES: Final[tuple[str, ...]] = (
    "SCI Les Marronniers",
    "SCI du Parc Blandan",
    "SCI Belledonne",
    "SCI Les Trois Chênes",
    "SCI Croix-Luizet",
    "SCI Le Clos Fleuri",
    "SCI Saint-Rambert",
    "SCI Les Platanes",
    "SCI Horizon Saône",
    "SCI La Sauvegarde",
    "SCI Les Glycines",
    "SCI Monplaisir Patrimoine",
    "SCI Montchat Famille",
    "SCI Les Hauts de Sainte-Foy",
    "SCI Beaulieu",
    "SCI Jardin des Plantes",
    "SCI Le Tonkin",
    "SCI Les Charmettes",
    "SCI Champvert",
    "SCI Vaise Investissement",
)

# Names of pensions de famille and résidences accueil (a commune is added to make them unique).
RESIDENCE_NAMES: Final[tuple[str, ...]] = (
    "Les Tilleuls",
    "La Passerelle",
    "L'Escale",
    "Les Glycines",
    "Le Phare",
    "La Source",
    "Les Canuts",
    "Le Rivage",
    "La Fontaine",
    "L'Olivier",
    "Les Hirondelles",
    "La Maison des Pentes",
    "Le Fil d'Ariane",
    "L'Étape",
    "La Boussole",
    "Les Saules",
    "Le Jardin",
    "La Traverse",
    "Le Relais",
    "Les Lucioles",
)

# ------------------------------------------------------------------ funders

# (name, kind from vocabulary.FUNDER_KIND)
FUNDERS: Final[tuple[tuple[str, str], ...]] = (
    ("DDETS du Rhône – BOP 177", "state_p177"),
    ("DDETS du Rhône – BOP 104", "state_p104"),
    ("FNAVDL", "fnavdl"),
    ("Métropole de Lyon – FSL", "department_fsl"),
    ("Département du Rhône – FSL", "department_fsl"),
    ("CAF du Rhône", "caf"),
    ("Ville de Villeurbanne – CCAS", "municipality"),
    ("Ville de Vénissieux", "municipality"),
    ("ARS Auvergne-Rhône-Alpes", "ars"),
    ("Action Logement", "action_logement"),
)

# ------------------------------------------------------------------ partners

SIAO_NAMES: Final[tuple[str, ...]] = (
    "SIAO du Rhône – pôle logement",
    "SIAO du Rhône – pôle insertion",
)
# "{commune}" is replaced by a commune of COMMUNES.
CCAS_TEMPLATE: Final = "CCAS de {commune}"
SOCIAL_SERVICES_TEMPLATE: Final = "Maison de la Métropole – {commune}"
SOCIAL_SERVICES_OUTSIDE_TEMPLATE: Final = "Maison du Rhône – {commune}"
PSYCHIATRY_TEMPLATE: Final = "CMP adultes {commune}"
SPIP_NAMES: Final[tuple[str, ...]] = (
    "SPIP du Rhône – antenne de Lyon",
    "SPIP du Rhône – antenne de Villefranche",
)
CAF_NAMES: Final[tuple[str, ...]] = ("CAF du Rhône – service action sociale", "MSA Ain-Rhône")
FSL_NAMES: Final[tuple[str, ...]] = ("FSL – Métropole de Lyon", "FSL du Rhône")
CCAPEX_NAMES: Final[tuple[str, ...]] = ("CCAPEX du Rhône", "CCAPEX – commission locale Lyon Est")
# Mandataires judiciaires: invented services, UDAF-like.
LEGAL_GUARDIANS: Final[tuple[str, ...]] = (
    "Association Tutélaire Rhône-Saône",
    "Service Mandataire des Deux Fleuves",
    "Tutelles et Curatelles du Lyonnais",
    "Protection des Majeurs de l'Est lyonnais",
    "Union Tutélaire du Val de Saône",
    "Service de Protection des Majeurs Les Balmes",
    "Association d'Accompagnement Tutélaire Lugdunum",
    "Mandataires Associés du Rhône",
)
ASSOCIATIONS: Final[tuple[str, ...]] = (
    "Le Relais des Pentes",
    "Entraide du Plateau",
    "Épicerie solidaire Le Panier Partagé",
    "Accueil de jour La Halte",
    "Collectif Santé Précarité Rhône",
    "Parenthèse Emploi",
    "Les Ateliers du Réemploi",
    "Elles Relèvent la Tête 69",
    "Passerelle Jeunes Majeurs",
    "Maison des Solidarités du Mont d'Or",
    "Café social Les Gones",
    "Restaurant solidaire La Louche",
    "Bagagerie solidaire Le Vestiaire",
    "Accès Droits Exilés Rhône",
    "Atelier vélo La Rustine",
    "Jardins partagés de la Soie",
)
OTHER_PARTNER_TEMPLATES: Final[tuple[str, ...]] = (
    "Mission locale de {commune}",
    "Point d'accès au droit de {commune}",
    "Centre de santé communautaire de {commune}",
)

# Job titles at partners by partner kind, as (feminine, masculine).
POSITIONS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    (
        "siao",
        (
            ("Coordinatrice SIAO", "Coordinateur SIAO"),
            ("Chargée d'orientation", "Chargé d'orientation"),
            ("Référente logement", "Référent logement"),
        ),
    ),
    (
        "ccas",
        (
            ("Assistante sociale", "Assistant social"),
            ("Conseillère en économie sociale et familiale", "Conseiller en ESF"),
            ("Directrice", "Directeur"),
        ),
    ),
    (
        "social_services",
        (
            ("Assistante sociale de secteur", "Assistant social de secteur"),
            ("Responsable d'unité", "Responsable d'unité"),
            ("Conseillère ESF", "Conseiller ESF"),
        ),
    ),
    (
        "psychiatry",
        (
            ("Infirmière de secteur", "Infirmier de secteur"),
            ("Psychiatre", "Psychiatre"),
            ("Assistante sociale du CMP", "Assistant social du CMP"),
        ),
    ),
    (
        "spip",
        (
            (
                "Conseillère pénitentiaire d'insertion et de probation",
                "Conseiller pénitentiaire d'insertion et de probation",
            ),
            ("Directrice d'antenne", "Directeur d'antenne"),
        ),
    ),
    (
        "caf",
        (
            ("Travailleuse sociale CAF", "Travailleur social CAF"),
            ("Conseillère service aux allocataires", "Conseiller service aux allocataires"),
        ),
    ),
    (
        "fsl",
        (
            ("Instructrice FSL", "Instructeur FSL"),
            ("Chargée de mission FSL", "Chargé de mission FSL"),
        ),
    ),
    (
        "ccapex",
        (
            ("Secrétaire de la CCAPEX", "Secrétaire de la CCAPEX"),
            ("Chargée de prévention des expulsions", "Chargé de prévention des expulsions"),
        ),
    ),
    (
        "landlord",
        (
            ("Chargée de gestion locative", "Chargé de gestion locative"),
            ("Conseillère sociale", "Conseiller social"),
            ("Responsable d'agence", "Responsable d'agence"),
        ),
    ),
    (
        "legal_guardian",
        (
            ("Mandataire judiciaire", "Mandataire judiciaire"),
            ("Déléguée mandataire", "Délégué mandataire"),
            ("Cheffe de service", "Chef de service"),
        ),
    ),
    (
        "association",
        (
            ("Coordinatrice", "Coordinateur"),
            ("Animatrice", "Animateur"),
            ("Bénévole référente", "Bénévole référent"),
        ),
    ),
    (
        "other",
        (
            ("Conseillère", "Conseiller"),
            ("Juriste", "Juriste"),
            ("Médecin généraliste", "Médecin généraliste"),
        ),
    ),
)

# Wording of a household ↔ partner link, by partner kind.
HOUSEHOLD_PARTNER_ROLES: Final[tuple[tuple[str, str], ...]] = (
    ("siao", "Orientation SIAO"),
    ("ccas", "Suivi CCAS"),
    ("social_services", "Assistante sociale de secteur"),
    ("psychiatry", "Suivi psychiatrique (CMP)"),
    ("spip", "Suivi SPIP"),
    ("caf", "Travailleur social CAF"),
    ("fsl", "Dossier FSL"),
    ("ccapex", "Dossier CCAPEX"),
    ("legal_guardian", "Mandataire judiciaire"),
    ("association", "Accompagnement associatif"),
    ("other", "Autre partenaire"),
)

# How an emergency contact is related to the person, and the contact's sex.
RELATIONS: Final[tuple[tuple[str, str], ...]] = (
    ("sœur", "f"),
    ("frère", "h"),
    ("mère", "f"),
    ("père", "h"),
    ("fille", "f"),
    ("fils", "h"),
    ("cousine", "f"),
    ("ami", "h"),
    ("amie", "f"),
    ("tante", "f"),
)

EMAIL_DOMAINS: Final[tuple[str, ...]] = ("example.org", "example.net", "example.com")
