"""SciPy anchor for the matching benchmarks: reads a bipartite graph written by bench/matching.ts,
expands it to one column per place plus one "unassigned" column per row, solves it and prints
{"ms": ..., "total": ..., "method": ...} as JSON. Only the solver call is timed."""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

prefix, dense_limit_gb = sys.argv[1], float(sys.argv[2])
meta = json.load(open(prefix + ".json"))
rows, cols = meta["rows"], meta["cols"]
capacity = np.fromfile(prefix + ".cap", dtype=np.int32)
row_start = np.fromfile(prefix + ".rows", dtype=np.int32)
edge_col = np.fromfile(prefix + ".cols", dtype=np.int32)
edge_score = np.fromfile(prefix + ".scores", dtype=np.float64)
base = max(1.0, float(edge_score.max()) if edge_score.size else 1.0)

place_start = np.concatenate(([0], np.cumsum(capacity)))
places = int(place_start[-1])
width = places + rows
row_of_edge = np.repeat(np.arange(rows), np.diff(row_start))

counts = capacity[edge_col]
r_idx = np.repeat(row_of_edge, counts)
offs = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
c_idx = np.repeat(place_start[edge_col], counts) + offs
w = np.repeat(base - edge_score, counts)

if rows * width * 8 / 1e9 <= dense_limit_gb:
    big = base * 4 + 1.0
    cost = np.full((rows, width), big)
    cost[r_idx, c_idx] = w
    cost[np.arange(rows), places + np.arange(rows)] = base
    t = time.perf_counter()
    ri, ci = linear_sum_assignment(cost)
    ms = (time.perf_counter() - t) * 1000
    chosen = cost[ri, ci]
    real = ci < places
    total = float(np.sum(base - chosen[real]))
    method = "scipy.optimize.linear_sum_assignment (dense, expanded)"
else:
    # The dense matrix would not fit: SciPy's sparse solver (LAPJVsp) on the same expanded graph.
    w = w + 1e-12
    r_all = np.concatenate([r_idx, np.arange(rows)])
    c_all = np.concatenate([c_idx, places + np.arange(rows)])
    w_all = np.concatenate([w, np.full(rows, base + 1e-12)])
    m = csr_matrix((w_all, (r_all, c_all)), shape=(rows, width))
    t = time.perf_counter()
    ri, ci = min_weight_full_bipartite_matching(m)
    ms = (time.perf_counter() - t) * 1000
    total = 0.0
    dense_row = m.tocsr()
    vals = np.asarray(dense_row[ri, ci]).ravel()
    real = ci < places
    total = float(np.sum(base + 1e-12 - vals[real]))
    method = "scipy.sparse.csgraph.min_weight_full_bipartite_matching (sparse, expanded; dense would need %.0f GB)" % (rows * width * 8 / 1e9)
print(json.dumps({"ms": ms, "total": total, "method": method}))
