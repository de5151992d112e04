//! `wakucareer serve`: open the database, optionally load the demo town, serve until stopped.

use anyhow::Context;
use store::Store;
use tokio::net::TcpListener;

use crate::cli::say;
use crate::config::Config;

pub async fn run(mut config: Config) -> anyhow::Result<()> {
    let store = Store::open_and_migrate(&config.database).await?;
    tracing::info!(database = %config.database.redacted(), "database ready");
    if config.web.demo {
        match demo::load_town_if_empty(&store).await? {
            Some(town) => say(&format!(
                "demo town loaded: {} ({})",
                town.name_ja, town.slug
            )),
            None => say("the database already has data; the demo town was not loaded again"),
        }
        say(&demo::accounts_text());
        config.web.demo_accounts = demo::DEMO_ACCOUNTS
            .iter()
            .map(|account| web::DemoLogin {
                role: account.role,
                email: account.email.to_owned(),
                password: demo::DEMO_PASSWORD.to_owned(),
            })
            .collect();
    }
    let listener = TcpListener::bind(config.bind).await.with_context(|| {
        format!(
            "cannot listen on {}; choose another address with --bind or WAKUCAREER_BIND",
            config.bind
        )
    })?;
    let address = listener.local_addr()?;
    let mailer = mailer(&config)?;
    let state = web::AppState::new(store.clone(), config.web.clone()).await?;
    let (stop_worker, worker_stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(web::worker::run(state.clone(), mailer, async {
        let _ = worker_stopped.await;
    }));
    let app = web::router(state);
    let stop = shutdown_signal();
    say(&format!(
        "wakucareer is running at http://{address}/  (Ctrl-C to stop)"
    ));
    web::server::serve(listener, app, web::server::Timeouts::default(), stop).await;
    let _ = stop_worker.send(());
    let _ = worker.await;
    store.close().await;
    say("stopped; the database was closed cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the server stops.
/// The SIGTERM handler is installed when this is called, not when first polled, so a signal
/// that arrives right after start-up is not lost (the default action would kill the process).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    async move {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        #[cfg(unix)]
        let terminate = async {
            match terminate {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(err) => {
                    tracing::warn!(error = %err, "cannot listen for SIGTERM");
                    std::future::pending::<()>().await;
                }
            }
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminate => {},
        }
        tracing::info!("shutting down: finishing work in flight");
    }
}

/// The SMTP mailer, when a server is configured; says which way mail goes.
pub fn mailer(config: &Config) -> anyhow::Result<Option<web::mail::Mailer>> {
    Ok(Some(match &config.smtp {
        Some(smtp) => {
            let mailer = web::mail::Mailer::new(&smtp.url, &smtp.from)?;
            say(&format!("mail is delivered through {smtp:?}"));
            mailer
        }
        None => {
            let mailer = web::mail::Mailer::spool(&config.mail_spool, &config.mail_from)?;
            say(&format!(
                "no SMTP server is configured: mail is written to {}/ (readable only by this user)",
                config.mail_spool.display()
            ));
            mailer
        }
    }))
}

/// `wakucareer worker`: the background worker on its own, for deployments that run it apart
/// from the web servers; stops on Ctrl-C or SIGTERM after its current round.
pub async fn worker(config: Config) -> anyhow::Result<()> {
    let store = Store::open_and_migrate(&config.database).await?;
    let mailer = mailer(&config)?;
    let state = web::AppState::new(store.clone(), config.web.clone()).await?;
    let stop = shutdown_signal();
    say("wakucareer worker is running (Ctrl-C to stop)");
    web::worker::run(state, mailer, stop).await;
    store.close().await;
    say("worker stopped; the database was closed cleanly");
    Ok(())
}
