"""Solves the engine's exported instances with OR-tools and compares objective and time.

Batch: OR-tools' SimpleMinCostFlow on source -> person (capacity per_person) -> request
(capacity 1, cost -weight) -> sink (the request's capacity), with a zero-cost bypass arc so
only profitable introductions are made. Team: CP-SAT with one boolean per candidate, the size
range, every required skill held by a member, and the common free half-hours of the members
at least the meeting time; maximise the engine's objective (matching::team::WEIGHTS): each
member's score less the member cost, a bonus per nice skill covered and per shared half-hour
up to a cap. Sizes N1000 and N3000 are team-only instances from the team_bench example.

Usage: python3 bench/ortools_compare.py EXPORT_DIR SIZE  (S, M, L, or N1000 / N3000)
"""

import json
import os
import sys
import time

from ortools.graph.python import min_cost_flow
from ortools.sat.python import cp_model

# The engine's team objective (matching::team::WEIGHTS), for instances that do not carry it.
DEFAULT_TEAM_WEIGHTS = {"member_cost": 10000, "nice_skill": 5000, "shared_half_hour": 100, "shared_half_hours_counted": 20}


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
    w = data.get("weights") or DEFAULT_TEAM_WEIGHTS
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(pool))]
    model.add(sum(x) >= max(1, data["size_min"]))
    model.add(sum(x) <= data["size_max"])

    def holders(skill, level):
        return [x[i] for i, c in enumerate(pool) if any(s == skill and l >= level for s, l in c["skills"])]

    for skill, level in data["required"]:
        model.add(sum(holders(skill, level)) >= 1)
    nice = []
    for n, (skill, level) in enumerate(data.get("nice", [])):
        y = model.new_bool_var(f"y{n}")
        model.add(y <= sum(holders(skill, level)))
        nice.append(y)
    # Availability: 84 hex digits, Sunday's last half-hour first; bit k is slot k of the week.
    bits = [int(c["availability"], 16) for c in pool]
    slots = [model.new_bool_var(f"s{k}") for k in range(336)]
    for k, slot in enumerate(slots):
        for i, b in enumerate(bits):
            if not (b >> k) & 1:
                model.add_implication(x[i], slot.Not())
    model.add(sum(slots) * 30 >= data["meeting_minutes"])
    shared = model.new_int_var(0, w["shared_half_hours_counted"], "shared")
    model.add(shared <= sum(slots))
    model.maximize(
        sum((s - w["member_cost"]) * xi for s, xi in zip(scores, x))
        + w["nice_skill"] * sum(nice)
        + w["shared_half_hour"] * shared
    )
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = 600
    started = time.perf_counter()
    status = solver.solve(model)
    elapsed = (time.perf_counter() - started) * 1000
    assert status == cp_model.OPTIMAL, solver.status_name(status)
    return int(solver.objective_value), elapsed, data["engine"]


def main():
    folder, size = sys.argv[1], sys.argv[2]
    rows = []
    if size.startswith("N"):
        t_obj, t_ms, t_engine = team(f"{folder}/team_{size}.json")
        rows.append(("team formation, 12 skills, 3–6 members (CP-SAT)", t_engine["objective"], t_obj, t_engine["solve_ms"], t_ms))
    else:
        b_obj, b_ms, b_engine = batch(f"{folder}/batch_{size}.json")
        t_obj, t_ms, t_engine = team(f"{folder}/team_{size}.json")
        rows.append(("batch proposals (min-cost flow)", b_engine["objective"], b_obj, b_engine["solve_ms"], b_ms))
        rows.append(("team formation (CP-SAT)", t_engine["objective"], t_obj, t_engine["solve_ms"], t_ms))
    for name, engine_obj, tools_obj, engine_ms, tools_ms in rows:
        ratio = engine_ms / tools_ms if tools_ms else float("nan")
        same = "yes" if engine_obj == tools_obj else "NO"
        print(f"| {size} | {name} | {engine_obj} | {tools_obj} | {same} | {engine_ms:.1f} | {tools_ms:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
