//! Batch proposals: choose introductions across all people and requests that maximize the
//! total score, with at most each person's room for introductions (the same `per_person` for
//! all, or less for someone with introductions already open) and no more than each request's
//! capacity. Solved exactly as a min-cost flow on the sparse graph of feasible pairs:
//!
//! request (supply = its capacity) → person (capacity 1, cost −weight) → end (capacity the
//! person's room, cost 0), and request → end (cost 0) for a place left unfilled.
//!
//! Successive shortest paths, one unit of supply at a time from its request, with Dijkstra on
//! reduced costs (potentials keep them non-negative). Two things keep it fast on a town-sized
//! graph: a search starts at one request, so it reads that request's pairs and the few people
//! already proposed to, not the whole graph; and it stops at the end node, moving only the
//! potentials of the nodes it settled (the rest move by a constant, which changes no reduced
//! cost). A unit whose best path is "leave it unfilled" gains nothing, and neither would the
//! request's later units, so the request is done. Supplies can be routed in any order; the
//! result is a minimum-cost flow, that is, a maximum-weight set of introductions.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A feasible pairing and its weight (the rank score in hundredths, so integers are exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub candidate: usize,
    pub opening: usize,
    pub weight: i64,
}

const NONE: u32 = u32::MAX;

/// The residual graph and the search state. Nodes: requests `0..openings`, then people, then
/// the end node. The pairs with a positive weight are copied request by request into slots,
/// so a request's arcs are read from contiguous memory.
struct Solver {
    /// How many pairs each person may have chosen.
    rooms: Vec<u32>,
    openings: usize,
    end: usize,
    /// Slots `first[o]..first[o + 1]` are request `o`'s pairs.
    first: Vec<usize>,
    slot_person: Vec<u32>,
    slot_opening: Vec<u32>,
    slot_weight: Vec<i64>,
    slot_pair: Vec<u32>,
    chosen: Vec<bool>,
    /// The chosen slots of each person (their reverse arcs in the residual graph).
    proposed: Vec<Vec<u32>>,
    potential: Vec<i64>,
    distance: Vec<i64>,
    /// How each node was reached: the node before it and the slot used (`NONE` for an arc to
    /// the end node).
    previous: Vec<(u32, u32)>,
    touched: Vec<usize>,
    settled: Vec<usize>,
    heap: BinaryHeap<Reverse<(i64, usize)>>,
}

impl Solver {
    fn new(rooms: &[u32], openings: usize, pairs: &[Pair]) -> Self {
        let candidates = rooms.len();
        let mut first = vec![0_usize; openings + 1];
        for pair in pairs.iter().filter(|p| p.weight > 0) {
            first[pair.opening + 1] += 1;
        }
        for o in 0..openings {
            first[o + 1] += first[o];
        }
        let slots = first[openings];
        let mut fill = first.clone();
        let (mut slot_person, mut slot_opening) = (vec![0_u32; slots], vec![0_u32; slots]);
        let (mut slot_weight, mut slot_pair) = (vec![0_i64; slots], vec![0_u32; slots]);
        for (i, pair) in pairs.iter().enumerate().filter(|(_, p)| p.weight > 0) {
            let slot = fill[pair.opening];
            fill[pair.opening] += 1;
            slot_person[slot] = (openings + pair.candidate) as u32;
            slot_opening[slot] = pair.opening as u32;
            slot_weight[slot] = pair.weight;
            slot_pair[slot] = i as u32;
        }
        let end = openings + candidates;
        // Every arc starts with a non-negative reduced cost when a request's potential is its
        // best weight and every other potential is zero.
        let mut potential = vec![0_i64; end + 1];
        for pair in pairs {
            potential[pair.opening] = potential[pair.opening].max(pair.weight);
        }
        Solver {
            rooms: rooms.to_vec(),
            openings,
            end,
            first,
            slot_person,
            slot_opening,
            slot_weight,
            slot_pair,
            chosen: vec![false; slots],
            proposed: vec![Vec::new(); candidates],
            potential,
            distance: vec![i64::MAX; end + 1],
            previous: vec![(NONE, NONE); end + 1],
            touched: Vec::new(),
            settled: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    fn reach(&mut self, from: usize, to: usize, pair: u32, reduced: i64) {
        debug_assert!(reduced >= 0, "reduced costs stay non-negative");
        let next = self.distance[from] + reduced;
        if next < self.distance[to] {
            if self.distance[to] == i64::MAX {
                self.touched.push(to);
            }
            self.distance[to] = next;
            self.previous[to] = (from as u32, pair);
            self.heap.push(Reverse((next, to)));
        }
    }

    fn leave_request(&mut self, request: usize) {
        let unfilled = self.potential[request] - self.potential[self.end];
        self.reach(request, self.end, NONE, unfilled);
        for slot in self.first[request]..self.first[request + 1] {
            if !self.chosen[slot] {
                let person = self.slot_person[slot] as usize;
                let reduced =
                    -self.slot_weight[slot] + self.potential[request] - self.potential[person];
                self.reach(request, person, slot as u32, reduced);
            }
        }
    }

    fn leave_person(&mut self, person: usize) {
        let proposed = std::mem::take(&mut self.proposed[person - self.openings]);
        if (proposed.len() as u32) < self.rooms[person - self.openings] {
            let free = self.potential[person] - self.potential[self.end];
            self.reach(person, self.end, NONE, free);
        }
        for &slot in &proposed {
            let request = self.slot_opening[slot as usize] as usize;
            let reduced =
                self.slot_weight[slot as usize] + self.potential[person] - self.potential[request];
            self.reach(person, request, slot, reduced);
        }
        self.proposed[person - self.openings] = proposed;
    }

    /// Routes one more unit from `origin`; false when leaving it unfilled is best.
    fn route(&mut self, origin: usize) -> bool {
        for node in self.touched.drain(..) {
            self.distance[node] = i64::MAX;
        }
        self.settled.clear();
        self.heap.clear();
        self.distance[origin] = 0;
        self.touched.push(origin);
        self.heap.push(Reverse((0, origin)));
        while let Some(Reverse((d, node))) = self.heap.pop() {
            if d > self.distance[node] {
                continue;
            }
            if node == self.end {
                break;
            }
            self.settled.push(node);
            if node < self.openings {
                self.leave_request(node);
            } else {
                self.leave_person(node);
            }
        }
        let reach = self.distance[self.end];
        for &node in &self.settled {
            self.potential[node] += self.distance[node] - reach;
        }
        if self.previous[self.end].0 as usize == origin {
            return false;
        }
        self.augment(origin);
        true
    }

    /// Flips the arcs of the path found from `origin` to the end node.
    fn augment(&mut self, origin: usize) {
        let mut node = self.end;
        while node != origin {
            let (from, slot) = self.previous[node];
            let from = from as usize;
            if slot != NONE {
                let person = if node < self.openings { from } else { node } - self.openings;
                let taken = !self.chosen[slot as usize];
                self.chosen[slot as usize] = taken;
                if taken {
                    self.proposed[person].push(slot);
                } else {
                    self.proposed[person].retain(|s| *s != slot);
                }
            }
            node = from;
        }
    }
}

/// The pairs chosen, as indexes into `pairs`, maximizing the total weight, with at most
/// `per_person` for each of `candidates` people.
pub fn solve(candidates: usize, per_person: u32, capacities: &[u32], pairs: &[Pair]) -> Vec<usize> {
    solve_counting(
        &vec![per_person; candidates],
        capacities,
        pairs,
        &AtomicUsize::new(0),
    )
}

/// [`solve`] with room for `rooms[c]` pairs for person `c`, adding to `routed` each request
/// place as it is settled (filled or left empty).
pub fn solve_counting(
    rooms: &[u32],
    capacities: &[u32],
    pairs: &[Pair],
    routed: &AtomicUsize,
) -> Vec<usize> {
    let mut solver = Solver::new(rooms, capacities.len(), pairs);
    for (request, capacity) in capacities.iter().enumerate() {
        let mut left = *capacity as usize;
        while left > 0 && solver.route(request) {
            left -= 1;
            routed.fetch_add(1, Ordering::Relaxed);
        }
        routed.fetch_add(left, Ordering::Relaxed);
    }
    let mut chosen: Vec<usize> = (0..solver.chosen.len())
        .filter(|slot| solver.chosen[*slot])
        .map(|slot| solver.slot_pair[slot] as usize)
        .collect();
    chosen.sort_unstable();
    chosen
}

/// The total weight of a choice of pairs.
pub fn total(pairs: &[Pair], chosen: &[usize]) -> i64 {
    chosen.iter().map(|i| pairs[*i].weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no dependency and always run the
    /// same instances.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, below: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % below
        }
    }

    fn brute_force(candidates: usize, per_person: u32, capacities: &[u32], pairs: &[Pair]) -> i64 {
        let mut best = 0;
        for mask in 0_u32..(1 << pairs.len()) {
            let mut per = vec![0; candidates];
            let mut cap = vec![0; capacities.len()];
            let mut sum = 0;
            let mut ok = true;
            for (i, pair) in pairs.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    per[pair.candidate] += 1;
                    cap[pair.opening] += 1;
                    sum += pair.weight;
                    ok &= per[pair.candidate] <= per_person
                        && cap[pair.opening] <= capacities[pair.opening];
                }
            }
            if ok {
                best = best.max(sum);
            }
        }
        best
    }

    #[test]
    fn batch_proposals_equal_brute_force_and_respect_every_capacity() {
        let mut rng = Lcg(7);
        for round in 0..300 {
            let candidates = 1 + rng.next(5) as usize;
            let openings = 1 + rng.next(4) as usize;
            let per_person = 1 + rng.next(2) as u32;
            let capacities: Vec<u32> = (0..openings).map(|_| rng.next(3) as u32).collect();
            let mut pairs = Vec::new();
            for c in 0..candidates {
                for o in 0..openings {
                    if rng.next(3) > 0 && pairs.len() < 14 {
                        pairs.push(Pair {
                            candidate: c,
                            opening: o,
                            weight: rng.next(10_000) as i64,
                        });
                    }
                }
            }
            let chosen = solve(candidates, per_person, &capacities, &pairs);
            let mut per = vec![0; candidates];
            let mut cap = vec![0; openings];
            for i in &chosen {
                per[pairs[*i].candidate] += 1;
                cap[pairs[*i].opening] += 1;
            }
            assert!(
                per.iter().all(|n| *n <= per_person),
                "round {round}: per-person limit"
            );
            assert!(
                cap.iter().zip(&capacities).all(|(n, c)| n <= c),
                "round {round}: capacity"
            );
            assert_eq!(
                total(&pairs, &chosen),
                brute_force(candidates, per_person, &capacities, &pairs),
                "round {round}"
            );
        }
    }

    #[test]
    fn a_high_weight_pair_is_not_traded_for_more_pairs() {
        // One person, k = 1: the better request wins even though both could be filled.
        let pairs = [
            Pair {
                candidate: 0,
                opening: 0,
                weight: 90,
            },
            Pair {
                candidate: 0,
                opening: 1,
                weight: 40,
            },
        ];
        assert_eq!(solve(1, 1, &[1, 1], &pairs), vec![0]);
        assert!(solve(1, 1, &[0, 0], &pairs).is_empty());
    }
}
