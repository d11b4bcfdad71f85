// Package stem implements the German Snowball stemmer: the algorithm of
// Snowball 3.0 (the former "german2", with ae/oe/ue folding, -erin/-erinnen,
// -ln/-lns and the -syst-em, -niss- and -et exceptions). It reproduces the
// official Snowball German vocabulary, 35,033 words, without a mismatch.
//
// German lowercases its input, so capitalised nouns need no preparation:
// "Häuser", "häuser" and "HÄUSER" all stem to "haus". Umlauts and ß are
// folded ("Straße" → "strass", "größe" → "gross"), which merges a few
// unrelated words (schön, schon); that is the algorithm's design.
//
// What the package does not do:
//   - Apostrophes are ordinary characters. Snowball 3.1 strips a final
//     's, 'sch or ' from words; this package implements the 3.0 steps that
//     the vocabulary checks, so "Scholz'" stems to "scholz'". Handle
//     apostrophes in the tokenizer.
//   - No Unicode normalisation: an umlaut written as a base letter plus
//     U+0308 is not recognised as one. Feed NFC text.
//   - Invalid UTF-8 is not rejected: each byte that is not part of a valid
//     sequence becomes U+FFFD, so the result is always valid UTF-8.
//
// The stemmer keeps no state between calls; all functions are safe for
// concurrent use. Words of up to 64 bytes are stemmed in stack buffers, so
// AppendGerman allocates nothing and German at most its result.
//
// The steps work on a [github.com/kljensen/snowball/snowballword.SnowballWord],
// which holds the runes and the R1 and R2 region starts.
package stem
