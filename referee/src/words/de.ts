import { splitWords } from './splitWords.js';

/**
 * The German word list: everyday things a child could draw (Tiere, Essen, Dinge, Orte,
 * Menschen, Tätigkeiten), nouns capitalised and spelled with umlauts and ß as German writes
 * them; guesses match without them (normalizeText).
 * Grouped by theme, one theme a paragraph; no word twice (checked by words.test.ts).
 */
export const DE_WORDS: readonly string[] = splitWords(`
Affe, Adler, Ameise, Biene, Bär, Eisbär, Biber, Büffel, Dackel, Delfin, Dinosaurier, Drache,
Elch, Elefant, Ente, Esel, Eule, Fisch, Flamingo, Fledermaus, Fliege, Frosch, Fuchs, Gans,
Giraffe, Goldfisch, Gorilla, Hahn, Hai, Hamster, Hase, Hirsch, Huhn, Hummel, Hummer, Hund, Igel,
Kamel, Känguru, Katze, Käfer, Koala, Krabbe, Krokodil, Kuh, Lama, Löwe, Marienkäfer, Maus, Möwe,
Mücke, Nashorn, Nilpferd, Oktopus, Papagei, Panda, Pfau, Pferd, Pinguin, Qualle, Rabe, Raupe,
Reh, Robbe, Schaf, Schildkröte, Schlange, Schmetterling, Schnecke, Schwan, Schwein,
Seepferdchen, Seestern, Skorpion, Spinne, Storch, Strauß, Taube, Tiger, Tintenfisch, Truthahn,
Waschbär, Wal, Walross, Wolf, Wurm, Zebra, Ziege, Eichhörnchen, Einhorn, Kröte, Libelle,
Maulwurf, Otter, Pony, Regenwurm, Specht, Wespe, Ziegenbock, Kaninchen, Meerschweinchen,

Apfel, Ananas, Avocado, Banane, Birne, Brezel, Brokkoli, Brot, Brötchen, Butter, Champignon,
Chips, Croissant, Ei, Eis, Erbse, Erdbeere, Erdnuss, Gurke, Hamburger, Himbeere, Honig, Joghurt,
Kaffee, Kakao, Karotte, Kartoffel, Käse, Keks, Kirsche, Kiwi, Kokosnuss, Kuchen, Kürbis,
Lutscher, Mais, Mango, Marmelade, Melone, Milch, Möhre, Muffin, Nudeln, Olive, Orange,
Pfannkuchen, Paprika, Pfirsich, Pflaume, Pilz, Pizza, Pommes, Popcorn, Radieschen, Reis, Salat,
Salz, Sandwich, Schokolade, Spaghetti, Suppe, Sushi, Tee, Tomate, Torte, Traube, Waffel,
Wassermelone, Wurst, Zitrone, Zwiebel, Knoblauch, Bonbon, Müsli, Saft, Limonade, Spiegelei,
Bratwurst, Würstchen, Donut, Lebkuchen, Sahne, Zuckerwatte, Toast, Steak, Taco,

Bett, Besen, Bild, Blumentopf, Bratpfanne, Brille, Buch, Bücherregal, Bürste, Decke, Eimer,
Fenster, Fernseher, Flasche, Föhn, Gabel, Glas, Glocke, Hammer, Handtuch, Heizung, Kamm, Kerze,
Kessel, Kissen, Kiste, Kochtopf, Kommode, Korb, Kühlschrank, Lampe, Leiter, Löffel, Messer,
Mikrowelle, Mülleimer, Nadel, Ofen, Regal, Schere, Schlüssel, Schrank, Schublade, Schüssel,
Seife, Sessel, Sofa, Spiegel, Staubsauger, Stecker, Stuhl, Tasse, Teekanne, Teller, Teppich,
Tisch, Toaster, Toilette, Treppe, Tür, Türklingel, Uhr, Vase, Vorhang, Waschmaschine, Wecker,
Zahnbürste, Zahnpasta, Badewanne, Dusche, Wäscheklammer, Kleiderbügel, Bügeleisen, Sparschwein,
Taschenlampe, Glühbirne, Steckdose, Fernbedienung, Briefkasten, Briefmarke, Briefumschlag,
Kalender, Bilderrahmen, Regenschirm, Koffer, Rucksack, Geldbeutel, Schloss, Zange, Säge,
Schraubenzieher, Bohrmaschine, Nagel, Pinsel, Wachsmalstift, Radiergummi, Bleistift,
Kugelschreiber, Lineal, Heft, Taschenrechner, Tastatur, Computer, Laptop, Kopfhörer, Mikrofon,
Kamera, Batterie, Magnet, Schaufel, Gießkanne, Schubkarre, Hängematte, Zelt, Laterne,
Reißverschluss, Büroklammer, Sicherheitsnadel, Thermometer, Pflaster,

Gürtel, Stiefel, Armband, Mütze, Mantel, Krone, Kleid, Ohrring, Handschuh, Hut, Helm, Jacke,
Jeans, Maske, Fäustling, Halskette, Schlafanzug, Sandale, Schal, Hemd, Schuh, Rock, Socke,
Sonnenbrille, Pullover, Badeanzug, Krawatte, Armbanduhr, Perücke, Schürze, Handtasche,
Hausschuh, Regenmantel, Gummistiefel, Badehose, Kapuze, Hosenträger, Unterhose, Hose,

Arm, Bart, Ohr, Auge, Augenbraue, Finger, Fuß, Haar, Hand, Herz, Knie, Bein, Lippen, Mund,
Schnurrbart, Nase, Schulter, Skelett, Totenkopf, Zähne, Daumen, Zeh, Zunge, Zahn, Gehirn,
Muskel, Bauch, Rücken, Ellbogen, Nabel,

Flugzeug, Krankenwagen, Anker, Fahrrad, Boot, Bus, Kanu, Auto, Feuerwehrauto, Hubschrauber,
Heißluftballon, Kajak, Motorrad, Fallschirm, Polizeiauto, Rakete, Segelboot, Roller, Schiff,
Skateboard, Schlitten, U-Boot, Taxi, Traktor, Zug, Straßenbahn, Lastwagen, Rad, Rollstuhl,
Raumschiff, Reifen, Ampel, Bagger, Kran, Müllauto, Seilbahn, Dampflok, Kinderwagen, Tretroller,
Wohnwagen,

Flughafen, Scheune, Strand, Brücke, Burg, Höhle, Kirche, Stadt, Bauernhof, Wald, Garage, Garten,
Krankenhaus, Haus, Iglu, Insel, Dschungel, Leuchtturm, Berg, Museum, Park, Spielplatz, Pyramide,
Fluss, Schule, Wolkenkratzer, Stadion, Supermarkt, Schwimmbad, Turm, Tunnel, Vulkan, Wasserfall,
Windmühle, Zoo, Bibliothek, Bäckerei, Wüste, Teich, Hafen, Bahnhof, Kino, Zirkus, Friedhof,
Baumhaus, Hütte, Kiosk, Tankstelle,

Wolke, Komet, Blume, Gras, Blatt, Blitz, Mond, Regen, Regenbogen, Felsen, Sand, Schnee,
Schneeflocke, Schneemann, Stern, Sonne, Sonnenblume, Tornado, Baum, Welle, Wind, Eichel, Kaktus,
Rose, Tulpe, Palme, Tannenzapfen, Muschel, Stein, Feder, Nest, Spinnennetz, Gänseblümchen,
Kleeblatt, Löwenzahn, Tannenbaum, Kastanie, Eiszapfen, Pfütze, Sternschnuppe, Vogelnest, Ast,
Wurzel,

Ball, Luftballon, Basketball, Kegeln, Schach, Würfel, Puppe, Fußball, Frisbee, Golf, Eishockey,
Puzzle, Marionette, Roboter, Tennis, Pokal, Jo-Jo, Teddybär, Springseil, Schaukel, Rutsche,
Wippe, Murmel, Domino, Spielkarte, Boxhandschuh, Tor, Surfbrett, Ski, Tennisschläger, Medaille,
Trillerpfeife, Kreisel, Sandburg, Seifenblase, Schneeball, Wasserpistole, Rollschuh,
Schlittschuh, Trampolin, Federball, Bumerang, Angel, Zauberwürfel,

Trommel, Flöte, Gitarre, Harfe, Klavier, Trompete, Geige, Saxofon, Akkordeon, Farbpalette,
Staffelei, Statue, Mundharmonika, Triangel, Notenschlüssel, Xylofon,

Astronaut, Baby, Koch, Clown, Cowboy, Detektiv, Arzt, Bauer, Feuerwehrmann, König, Ritter,
Meerjungfrau, Ninja, Krankenschwester, Pilot, Pirat, Polizist, Prinzessin, Königin, Matrose,
Wissenschaftler, Soldat, Lehrer, Vampir, Hexe, Zauberer, Zombie, Gespenst, Engel,
Außerirdischer, Superheld, Mumie, Briefträger, Friseur, Maler, Gärtner, Zwerg, Riese, Fee,
Weihnachtsmann, Osterhase, Schornsteinfeger,

klatschen, weinen, tanzen, graben, tauchen, trinken, essen, springen, lachen, malen, lesen,
rennen, singen, sitzen, schlafen, lächeln, niesen, schwimmen, denken, werfen, gehen, schreiben,
gähnen, klettern, kochen, jonglieren, stricken, fegen, flüstern, schreien, angeln, zelten,
winken, rudern, pusten,

Schatz, Zauberstab, Kristallkugel, Zeitmaschine, Schwert, Schild, Pfeil und Bogen, Kanone,
Flagge, Kompass, Fernrohr, Mikroskop, Globus, Sanduhr, Fackel, Feuerwerk, Geschenk,
Geburtstagstorte, Partyhut, Blase, Knochen, Kette, Schornstein, Münze, Diamant, Angelrute,
Brunnen, Gartenschlauch, Tinte, Edelstein, Leine, Lippenstift, Streichhölzer, Nagellack, Paket,
Windrad, Pfeife, Pflanze, Plakat, Vogelscheuche, Shampoo, Einkaufswagen, Hocker, Strohhalm,
Klebeband, Eintrittskarte, Taschentuch, Werkzeugkasten, Mülltonne, Stativ, Bollerwagen, Kranz,
Eiswürfel, Hufeisen, Adventskranz, Osterei, Kuckucksuhr, Gartenzwerg, Schneekugel, Wetterhahn,
Lupe, Zahnrad, Fingerabdruck, Fußabdruck, Schatzkarte, Würfelbecher, Papierflieger,
Drachenflieger,
`);
