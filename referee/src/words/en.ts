import { splitWords } from './splitWords.js';

/**
 * The English word list: everyday things a child could draw (animals, food, objects,
 * places, people, actions).
 * Grouped by theme, one theme a paragraph; no word twice (checked by words.test.ts).
 */
export const EN_WORDS: readonly string[] = splitWords(`
ant, bat, bear, beaver, bee, beetle, bird, buffalo, bull, bunny, butterfly, camel, cat,
caterpillar, cheetah, chicken, cow, crab, crocodile, crow, deer, dinosaur, dog, dolphin, donkey,
dragonfly, duck, eagle, eel, elephant, flamingo, fish, fly, fox, frog, giraffe, goat, goldfish,
goose, gorilla, hamster, hedgehog, hippo, horse, hummingbird, jellyfish, kangaroo, koala,
ladybug, lion, lizard, llama, lobster, monkey, moose, mosquito, mouse, octopus, ostrich, otter,
owl, panda, parrot, peacock, penguin, pig, pigeon, polar bear, rabbit, raccoon, rat, rhino,
rooster, scorpion, seahorse, seal, shark, sheep, snail, snake, spider, squid, squirrel,
starfish, swan, tiger, toad, turkey, turtle, unicorn, walrus, whale, wolf, worm, zebra,

apple, avocado, bacon, banana, bread, broccoli, burger, butter, cake, candy, carrot, cheese,
cherry, chili, chips, chocolate, coconut, coffee, cookie, corn, croissant, cucumber, cupcake,
donut, egg, french fries, grapes, hot dog, ice cream, jam, juice, lemon, lettuce, lollipop,
mango, melon, milk, mushroom, noodles, olive, onion, orange, pancake, pasta, peach, peanut,
pear, peas, pepper, pickle, pie, pineapple, pizza, popcorn, potato, pretzel, pumpkin, radish,
salad, sandwich, sausage, soup, steak, strawberry, sushi, taco, tea, toast, tomato, waffle,
watermelon, yogurt, honey, muffin, cereal, rice, salt, lime, kiwi, plum, garlic, bagel,

alarm clock, armchair, basket, bathtub, bed, bell, bench, blanket, book, bookshelf, bottle,
bowl, box, broom, brush, bucket, button, calendar, candle, carpet, chair, clock, comb, couch,
cup, curtain, cushion, desk, door, doorbell, drawer, fan, fence, flashlight, fork, fridge,
frying pan, glass, glasses, hammer, hanger, jar, kettle, key, knife, ladder, lamp, lock, magnet,
mailbox, map, mirror, mop, mug, nail, needle, oven, pan, pencil, pen, pillow, plate, pot, radio,
remote control, rope, ruler, scissors, shelf, shovel, sink, soap, sofa, spoon, stairs, stapler,
suitcase, table, teapot, telephone, television, tent, toaster, toilet, toothbrush, toothpaste,
towel, umbrella, vase, wallet, window, envelope, stamp, piggy bank, padlock, screwdriver, saw,
wrench, drill, paintbrush, crayon, eraser, notebook, backpack, calculator, keyboard, computer,
laptop, headphones, microphone, camera, battery, light bulb, plug, socket, picture frame,

belt, boot, bow tie, bracelet, cap, coat, crown, dress, earring, glove, hat, helmet, hoodie,
jacket, jeans, mask, mitten, necklace, pajamas, ring, sandal, scarf, shirt, shoe, skirt, sock,
sunglasses, sweater, swimsuit, tie, watch, wig, apron, purse, handbag, slipper, raincoat,

arm, beard, ear, eye, eyebrow, finger, foot, hair, hand, heart, knee, leg, lips, mouth,
mustache, nose, shoulder, skeleton, skull, teeth, thumb, toe, tongue, tooth, brain, muscle,

airplane, ambulance, anchor, bicycle, boat, bus, canoe, car, fire truck, helicopter, hot air
balloon, kayak, motorcycle, parachute, police car, rocket, sailboat, scooter, ship, skateboard,
sled, submarine, taxi, tractor, train, tram, truck, wheel, wheelchair, spaceship, tire, traffic
light,

airport, barn, beach, bridge, castle, cave, church, city, farm, forest, garage, garden,
hospital, house, igloo, island, jungle, lighthouse, mountain, museum, park, playground, pyramid,
river, school, skyscraper, stadium, supermarket, swimming pool, tower, tunnel, volcano,
waterfall, windmill, zoo, library, bakery, desert, pond, harbor,

cloud, comet, flower, grass, ice, leaf, lightning, moon, rain, rainbow, rock, sand, snow,
snowflake, snowman, star, sun, sunflower, tornado, tree, wave, wind, acorn, cactus, rose, tulip,
palm tree, pine cone, seashell, stone, feather, nest, spider web,

ball, balloon, baseball, basketball, bowling, chess, dice, doll, football, frisbee, golf,
hockey, jigsaw, kite, puppet, robot, soccer, tennis, trophy, yo-yo, teddy bear, jump rope,
swing, slide, seesaw, marble, domino, playing card, boxing glove, goal, surfboard, skis, racket,
medal, whistle,

drum, flute, guitar, harp, piano, trumpet, violin, saxophone, accordion, palette, easel,
sculpture, statue,

astronaut, baby, chef, clown, cowboy, detective, doctor, farmer, firefighter, king, knight,
mermaid, ninja, nurse, pilot, pirate, police officer, princess, queen, sailor, scientist,
soldier, teacher, vampire, witch, wizard, zombie, ghost, angel, alien, superhero, mummy,

clap, cry, dance, dig, dive, drink, eat, jump, kick, laugh, paint, read, run, sing, sit, skate,
ski, sleep, smile, sneeze, swim, think, throw, walk, write, yawn, climb, cook, juggle, knit,
sweep, whisper, shout,

dragon, fairy, giant, monster, treasure, magic wand, crystal ball, time machine, sword, shield,
bow and arrow, cannon, flag, compass, telescope, microscope, globe, hourglass, lantern, torch,
fireworks, present, birthday cake, party hat, snowball, bubble,

bandage, bird cage, bone, chain, chimney, coin, diamond, fishing rod, fountain, gate, hose, ink,
jewel, leash, lipstick, matches, nail polish, paper clip, parcel, pinwheel, pipe, plant, poster,
safety pin, sandcastle, scarecrow, shampoo, shopping cart, sign, spring, stool, straw, tape,
thermometer, ticket, tissue, toolbox, trash can, tripod, vacuum, wagon, wheelbarrow, wreath,
zipper,

mailman, tooth fairy, ice cube, ice skates, roller skates, water gun, bubble bath, bow,
`);
