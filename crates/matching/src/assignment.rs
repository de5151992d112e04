//! Batch proposals: choose introductions across all people and requests that maximize the
//! total score, with at most `per_person` open introductions each and no more than each
//! request's capacity. Solved exactly as a min-cost flow (successive shortest paths with
//! Dijkstra and potentials) on the sparse graph of feasible pairs:
//!
//! source → person (capacity `per_person`, cost 0) → request (capacity 1, cost −weight)
//! → sink (capacity = the request's capacity, cost 0).
//!
//! Each augmentation adds the introduction path of least cost; it stops when no path lowers
//! the cost, so the flow is a maximum-weight one, not merely a maximum one.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A feasible pairing and its weight (the rank score in hundredths, so integers are exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub candidate: usize,
    pub opening: usize,
    pub weight: i64,
}

struct Arc {
    to: usize,
    capacity: i64,
    cost: i64,
    reverse: usize,
}

struct Graph {
    arcs: Vec<Vec<Arc>>,
}

impl Graph {
    fn add(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> (usize, usize) {
        let forward = self.arcs[from].len();
        let backward = self.arcs[to].len() + usize::from(from == to);
        self.arcs[from].push(Arc {
            to,
            capacity,
            cost,
            reverse: backward,
        });
        self.arcs[to].push(Arc {
            to: from,
            capacity: 0,
            cost: -cost,
            reverse: forward,
        });
        (from, forward)
    }
}

/// The pairs chosen, as indexes into `pairs`, maximizing the total weight.
pub fn solve(candidates: usize, per_person: u32, capacities: &[u32], pairs: &[Pair]) -> Vec<usize> {
    let openings = capacities.len();
    let source = 0;
    let person = |c: usize| 1 + c;
    let request = |o: usize| 1 + candidates + o;
    let sink = 1 + candidates + openings;
    let nodes = sink + 1;
    let mut graph = Graph {
        arcs: (0..nodes).map(|_| Vec::new()).collect(),
    };
    let mut used = vec![false; candidates];
    for pair in pairs {
        used[pair.candidate] = true;
    }
    for (c, used) in used.iter().enumerate() {
        if *used {
            graph.add(source, person(c), i64::from(per_person), 0);
        }
    }
    let pair_arcs: Vec<(usize, usize)> = pairs
        .iter()
        .map(|p| graph.add(person(p.candidate), request(p.opening), 1, -p.weight.max(0)))
        .collect();
    for (o, capacity) in capacities.iter().enumerate() {
        graph.add(request(o), sink, i64::from(*capacity), 0);
    }

    // Potentials for the layered graph: the least cost to reach each node from the source.
    let mut potential = vec![0_i64; nodes];
    for pair in pairs {
        let node = request(pair.opening);
        potential[node] = potential[node].min(-pair.weight.max(0));
    }
    potential[sink] = (0..openings)
        .map(|o| potential[request(o)])
        .min()
        .unwrap_or(0)
        .min(0);

    let mut distance = vec![i64::MAX; nodes];
    let mut previous: Vec<Option<(usize, usize)>> = vec![None; nodes];
    loop {
        distance.fill(i64::MAX);
        previous.fill(None);
        distance[source] = 0;
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((0_i64, source)));
        while let Some(Reverse((d, node))) = heap.pop() {
            if d > distance[node] {
                continue;
            }
            // Nodes further than the sink cannot shorten the path to it: stop here.
            if node == sink {
                break;
            }
            for (index, arc) in graph.arcs[node].iter().enumerate() {
                if arc.capacity <= 0 {
                    continue;
                }
                let reduced = arc.cost + potential[node] - potential[arc.to];
                let next = d + reduced;
                if next < distance[arc.to] {
                    distance[arc.to] = next;
                    previous[arc.to] = Some((node, index));
                    heap.push(Reverse((next, arc.to)));
                }
            }
        }
        if distance[sink] == i64::MAX {
            break;
        }
        // The path's true cost: negative means the introduction adds score.
        let true_cost = distance[sink] + potential[sink] - potential[source];
        if true_cost >= 0 {
            break;
        }
        // With the search stopped at the sink, nodes not settled by then move by the sink's
        // distance; this keeps every reduced cost non-negative.
        let reach = distance[sink];
        for node in 0..nodes {
            potential[node] += distance[node].min(reach);
        }
        let mut node = sink;
        while let Some((from, index)) = previous[node] {
            let reverse = graph.arcs[from][index].reverse;
            graph.arcs[from][index].capacity -= 1;
            graph.arcs[node][reverse].capacity += 1;
            node = from;
        }
    }
    pair_arcs
        .iter()
        .enumerate()
        .filter(|(_, (from, index))| graph.arcs[*from][*index].capacity == 0)
        .map(|(i, _)| i)
        .collect()
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
