"""Reference values of 2F1(a, b; c; z) from mpmath at 120 significant digits, for the tests of
shared/math/hypergeometric-2f1.ts: 300 seeded random cases over the ranges the property tests draw
from (small to large a, b, c; z from -20 to 0.995). mpmath at its default 40 digits was itself
wrong on some of them (2F1(63.6, 85.2; 384.8; 0.811) came out negative), hence 120.
Run: /usr/bin/python3 bench/models/hyp2f1_mpmath.py > test/fixtures/math/hyp2f1-mpmath.json
(needs Debian's python3-mpmath). Prints [[a, b, c, z, log|value|, sign], ...]."""
import json
import random

import mpmath

mpmath.mp.dps = 120
rng = random.Random(20261206)
cases = []
while len(cases) < 300:
    kind = len(cases) % 3
    if kind == 0:
        a, b, c, z = rng.uniform(0.1, 30), rng.uniform(0.1, 30), rng.uniform(0.3, 40), rng.uniform(-20, 0.98)
    elif kind == 1:
        a, b, c, z = rng.uniform(0.01, 400), rng.uniform(0.01, 400), rng.uniform(0.01, 400), rng.uniform(0, 0.995)
    else:
        a, b, c = (10 ** rng.uniform(-2, 2.6) for _ in range(3))
        z = rng.uniform(-5, 0.99)
    value = mpmath.hyp2f1(a, b, c, z)
    if value == 0:
        continue
    cases.append([a, b, c, z, float(mpmath.log(abs(value))), 1 if value > 0 else -1])
print(json.dumps(cases))
