"""Solves the engine's exported instances with OR-tools and compares objective and time.

Batch: OR-tools' SimpleMinCostFlow on source -> person (capacity per_person) -> request
(capacity 1, cost -weight) -> sink (the request's capacity), with a zero-cost bypass arc so
only profitable introductions are made. Team: CP-SAT with one boolean per candidate, the size
range, every required skill held by a member, and the common free half-hours of the members
at least the meeting time; maximise the sum of scores.

Usage: python3 bench/ortools_compare.py EXPORT_DIR SIZE
"""

import json
import sys
import time

from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model


def batch(path):
    data = json.load(open(path))
    people, caps, pairs = data["candidates"], data["capacities"], data["pairs"]
    source, sink = 0, 1 + people + len(caps)
    flow = min_cost_flow.SimpleMinCostFlow()
    total_supply = people * data["per_person"]
    for c in range(people):
        flow.add_arc_with_capacity_and_unit_cost(source, 1 + c, data["per_person"], 0)
    for c, o, w in pairs:
        flow.add_arc_with_capacity_and_unit_cost(1 + c, 1 + people + o, 1, -w)
    for o, cap in enumerate(caps):
        flow.add_arc_with_capacity_and_unit_cost(1 + people + o, sink, cap, 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total_supply, 0)
    flow.set_node_supply(source, total_supply)
    flow.set_node_supply(sink, -total_supply)
    started = time.perf_counter()
    status = flow.solve()
    elapsed = (time.perf_counter() - started) * 1000
    assert status == flow.OPTIMAL, status
    return -flow.optimal_cost(), elapsed, data["engine"]


def team(path):
    data = json.load(open(path))
    pool, scores = data["pool"], data["scores"]
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(pool))]
    model.add(sum(x) >= data["size_min"])
    model.add(sum(x) <= data["size_max"])
    for skill, level in data["required"]:
        holders = [x[i] for i, c in enumerate(pool) if any(s == skill and l >= level for s, l in c["skills"])]
        model.add(sum(holders) >= 1)
    # Availability: 84 hex digits, Sunday's last half-hour first; bit k is slot k of the week.
    bits = [int(c["availability"], 16) for c in pool]
    slots = [model.new_bool_var(f"s{k}") for k in range(336)]
    for k, slot in enumerate(slots):
        for i, b in enumerate(bits):
            if not (b >> k) & 1:
                model.add_implication(x[i], slot.Not())
    model.add(sum(slots) * 30 >= data["meeting_minutes"])
    model.maximize(sum(s * xi for s, xi in zip(scores, x)))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    started = time.perf_counter()
    status = solver.solve(model)
    elapsed = (time.perf_counter() - started) * 1000
    assert status == cp_model.OPTIMAL, solver.status_name(status)
    return int(solver.objective_value), elapsed, data["engine"]


def main():
    folder, size = sys.argv[1], sys.argv[2]
    b_obj, b_ms, b_engine = batch(f"{folder}/batch_{size}.json")
    t_obj, t_ms, t_engine = team(f"{folder}/team_{size}.json")
    rows = [
        ("batch proposals (min-cost flow)", b_engine["objective"], b_obj, b_engine["solve_ms"], b_ms),
        ("team formation (CP-SAT)", t_engine["objective"], t_obj, t_engine["solve_ms"], t_ms),
    ]
    for name, engine_obj, tools_obj, engine_ms, tools_ms in rows:
        ratio = engine_ms / tools_ms if tools_ms else float("nan")
        same = "yes" if engine_obj == tools_obj else "NO"
        print(f"| {size} | {name} | {engine_obj} | {tools_obj} | {same} | {engine_ms:.1f} | {tools_ms:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
