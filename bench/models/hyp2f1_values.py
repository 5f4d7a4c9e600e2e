"""Reference values of the Gauss hypergeometric function 2F1(a, b; c; z) from scipy.special.hyp2f1,
for the tests of shared/math/hypergeometric-2f1.ts. Run: /usr/bin/python3 bench/models/hyp2f1_values.py
Prints one JSON line per case: [a, b, c, z, value]."""
import json
from scipy.special import hyp2f1

CASES = [
    (0.5, 0.5, 1.5, 0.25),
    (2.5, 3.0, 4.5, 0.6),
    (0.243, -0.207, 1.219, -0.8),
    (2.243, -0.207, 3.219, -8.5),
    (1.0, 0.5, 2.0, 0.95),
    (1.5, 2.5, 3.7, 0.97),
    (0.3, 0.7, 0.9, 0.99),
    (1.159, 1.606, 2.159, 0.0465),
    (301.159, 1.606, 302.159, 0.3),
    (301.159, 300.553, 302.159, 0.2),
    (51.2, 50.6, 52.2, 0.9),
    (3.0, 2.0, 4.0, -20.0),
    (0.7, -1.3, 2.2, -150.0),
    (5.5, 0.25, 3.0, 0.999),
    (2.5, 2.0, 3.5, 0.95),
    (1.0, 1.0, 2.0, 0.99),
    (2.0, 3.0, 5.0, 0.93),
    (10.6, 1.0, 11.6, 0.98),
    (0.8, 2.2, 1.5, 0.5),
    (4.0, -3.0, 2.5, 0.97),
    (1.0, 236.01, 237.02, 0.901),
    (1.0, 150.5, 152.1, 0.95),
    (302.2, 1.8, 303.0, 0.6),
]
for a, b, c, z in CASES:
    print(json.dumps([a, b, c, z, float(hyp2f1(a, b, c, z))]))
