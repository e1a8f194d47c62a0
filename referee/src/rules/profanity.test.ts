import { describe, expect, it } from '@jest/globals';
import { maskProfanity } from './profanity.js';

describe('maskProfanity', () => {
  it.each([
    ['what the fuck', 'what the ****'],
    ['Shit!', '****!'],
    ["shit's happening", "****'s happening"],
    ['So eine Scheiße', 'So eine *******'],
    ['du ARSCH', 'du *****'],
    ['shitake mushrooms', 'shitake mushrooms'],
    ['Scunthorpe', 'Scunthorpe'],
    ['das ist dick', 'das ist dick'],
    ['a rooster and a cat', 'a rooster and a cat'],
  ])('[M5] masks %j as %j', (input, output) => {
    expect(maskProfanity(input)).toBe(output);
  });

  it('[M5] keeps the length of the text', () => {
    const text = 'fuck this shit, du Wichser';
    expect(maskProfanity(text)).toHaveLength(text.length);
  });
});
