"""The staff tools' JSON endpoints: each validates its input, calls the rules of its section
(``udlejning.sections``) and serialises the answer."""
