"""Independent BG/NBD reference in Python/scipy, for the speed comparison in bench/models/run.ts.

Written from the paper (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
Marketing Science 24(2), eq. 6), not from the TypeScript code: it reads CDNOW_sample.txt itself,
builds x, t_x, T in weeks with calibration end 1997-09-30 (same-day purchases merged), collapses
identical (x, t_x, T) rows, and maximises the log-likelihood over log-parameters with
scipy.optimize.minimize (BFGS, numerical gradient).

Run: /usr/bin/python3 bench/models/reference_scipy.py [path/to/CDNOW_sample.txt]
Prints one JSON object: parameters, log-likelihood, median fit time in ms over repeated runs.
"""
import datetime
import json
import os
import sys
import time
from collections import Counter, defaultdict

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "cdnow", "CDNOW_sample.txt")


def read_summary(path):
    end = datetime.date(1997, 9, 30)
    days = defaultdict(set)
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) < 5:
                continue
            ymd = fields[2]
            days[fields[1]].add(datetime.date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:8])))
    rows = []
    for client_days in days.values():
        ordered = sorted(client_days)
        first = ordered[0]
        calibration = [d for d in ordered if d <= end]
        x = len(calibration) - 1
        t_x = (calibration[-1] - first).days / 7
        T = (end - first).days / 7
        rows.append((x, t_x, T))
    return rows


def negative_log_likelihood(log_params, x, t_x, T, w):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(
            x > 0,
            np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
            -np.inf,
        )
    return -np.sum(w * (a1 + a2 + np.logaddexp(a3, a4))) / np.sum(w)


def fit(x, t_x, T, w):
    scale = 10 / T.max()
    result = minimize(
        negative_log_likelihood, np.zeros(4), args=(x, t_x * scale, T * scale, w), method="BFGS"
    )
    r, alpha, a, b = np.exp(result.x)
    return {"r": r, "alpha": alpha / scale, "a": a, "b": b}, result


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    rows = read_summary(path)
    counts = Counter(rows)
    keys = list(counts)
    x = np.array([k[0] for k in keys], dtype=float)
    t_x = np.array([k[1] for k in keys])
    T = np.array([k[2] for k in keys])
    w = np.array([counts[k] for k in keys], dtype=float)
    for _ in range(3):  # warm-up
        fit(x, t_x, T, w)
    times = []
    for _ in range(15):
        start = time.perf_counter()
        params, result = fit(x, t_x, T, w)
        times.append((time.perf_counter() - start) * 1000)
    log_params = np.log([params["r"], params["alpha"], params["a"], params["b"]])
    ll = -negative_log_likelihood(log_params, x, t_x, T, w) * w.sum()
    print(
        json.dumps(
            {
                "clients": int(w.sum()),
                "distinctRows": len(keys),
                "parameters": params,
                "logLikelihood": float(ll),
                "iterations": int(result.nit),
                "medianFitMs": float(np.median(times)),
            }
        )
    )


if __name__ == "__main__":
    main()
