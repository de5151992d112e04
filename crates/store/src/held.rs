//! A guard against the pool stall: a task that holds a pooled connection and asks for another
//! waits for itself once enough tasks do the same (every connection held, every holder
//! waiting). Debug builds (every test run) register each connection and transaction with the
//! task that holds it and panic when that task asks for a second one, naming the rule: pass
//! the one connection (or transaction) down. Release builds carry nothing.

#[cfg(debug_assertions)]
mod imp {
    use std::collections::HashMap;
    use std::sync::Mutex;

    static HELD: Mutex<Option<HashMap<tokio::task::Id, usize>>> = Mutex::new(None);

    /// One connection held by the current task; released when dropped.
    #[derive(Debug)]
    pub struct Held(Option<tokio::task::Id>);

    impl Held {
        pub fn acquire() -> Self {
            let Some(task) = tokio::task::try_id() else {
                return Held(None);
            };
            let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
            let count = held
                .get_or_insert_with(HashMap::new)
                .entry(task)
                .or_insert(0);
            assert!(
                *count == 0,
                "this task already holds a pooled database connection and asked for another: \
                 pass the one connection (or transaction) down instead (see store::held)"
            );
            *count += 1;
            Held(Some(task))
        }
    }

    impl Drop for Held {
        fn drop(&mut self) {
            let Some(task) = self.0 else { return };
            let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(map) = held.as_mut() {
                map.remove(&task);
            }
        }
    }
}

#[cfg(not(debug_assertions))]
mod imp {
    #[derive(Debug)]
    pub struct Held;

    impl Held {
        pub fn acquire() -> Self {
            Held
        }
    }
}

pub(crate) use imp::Held;
