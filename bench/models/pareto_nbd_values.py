"""Independent Pareto/NBD reference values for the tests of shared/models/pareto-nbd.ts.

The "dropped out between t_x and T" part of the likelihood is computed by numerical integration
(scipy.integrate.quad) of s (alpha+y)^-(r+x) (beta+y)^-(s+1) over y in [t_x, T] (Fader & Hardie 2005
note, eq. 18), not by the 2F1 closed form the TypeScript code uses; logs keep heavy buyers finite.
Run: /usr/bin/python3 bench/models/pareto_nbd_values.py
Prints JSON lines [x, t_x, T, log-likelihood, P(alive), E[Y(39)]] at BTYD's CDNOW estimates."""
import json
import math
from scipy.integrate import quad
from scipy.special import gammaln

R, ALPHA, S, BETA = 0.5533971, 10.5801985, 0.6060625, 11.6562237


def log_parts(x, tx, T):
    log_alive = -(R + x) * math.log(ALPHA + T) - S * math.log(BETA + T)

    def log_integrand(y):
        return math.log(S) - (R + x) * math.log(ALPHA + y) - (S + 1) * math.log(BETA + y)

    if T > tx:
        peak = log_integrand(tx)  # the integrand decreases in y
        value, _ = quad(lambda y: math.exp(log_integrand(y) - peak), tx, T, epsabs=0, epsrel=1e-13, limit=200)
        log_dead = peak + math.log(value)
    else:
        log_dead = -math.inf
    return log_alive, log_dead


for x, tx, T in [(2, 30.43, 38.86), (0, 0.0, 38.86), (1, 1.71, 38.86), (300, 30.0, 38.86), (300, 38.8, 38.86), (500, 10.0, 60.0), (150, 50.0, 52.0)]:
    la, ld = log_parts(x, tx, T)
    m = max(la, ld)
    log_sum = m + math.log(math.exp(la - m) + math.exp(ld - m))
    ll = gammaln(R + x) - gammaln(R) + R * math.log(ALPHA) + S * math.log(BETA) + log_sum
    p_alive = 1 / (1 + math.exp(ld - la)) if ld - la < 700 else 0.0
    t = 39.0
    expected = p_alive * (R + x) * (BETA + T) / ((ALPHA + T) * (S - 1)) * (1 - ((BETA + T) / (BETA + T + t)) ** (S - 1))
    print(json.dumps([x, tx, T, float(ll), p_alive, expected]))
print(json.dumps(["new client E[X(39)]", R * BETA / (ALPHA * (S - 1)) * (1 - (BETA / (BETA + 39)) ** (S - 1))]))
