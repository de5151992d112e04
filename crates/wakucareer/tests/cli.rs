//! The binary as a person at a terminal meets it: clear one-line errors, and a server that
//! starts, answers and stops cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

fn wakucareer(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wakucareer"));
    command
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .env("WAKUCAREER_LOG", "warn");
    command
}

/// Runs a command that must fail; returns its stderr.
fn failure(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(!output.status.success(), "expected a failure");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line, no backtrace: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn bad_configuration_ends_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let err = failure(
        wakucareer(dir.path())
            .arg("migrate")
            .env("DATABASE_URL", "mysql://db/x"),
    );
    assert!(
        err.contains("DATABASE_URL is not valid") && err.contains("postgres://"),
        "{err}"
    );

    let err = failure(
        wakucareer(dir.path())
            .arg("migrate")
            .env("DATABASE_URL", "postgres://u@127.0.0.1:1/db"),
    );
    assert!(err.contains("PostgreSQL server is running"), "{err}");

    let err = failure(
        wakucareer(dir.path())
            .arg("migrate")
            .env("DATABASE_URL", "sqlite://no/such/folder/x.db"),
    );
    assert!(err.contains("does not exist"), "{err}");

    let err = failure(
        wakucareer(dir.path())
            .arg("migrate")
            .env("WAKUCAREER_PORT", "80"),
    );
    assert!(err.contains("WAKUCAREER_PORT"), "{err}");

    std::fs::write(dir.path().join("c.toml"), "databse_url = \"sqlite://x\"\n").unwrap();
    let err = failure(wakucareer(dir.path()).args(["--config", "c.toml", "migrate"]));
    assert!(err.contains("databse_url"), "{err}");
}

#[test]
fn migrate_creates_the_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = wakucareer(dir.path()).arg("migrate").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join("wakucareer.sqlite3").exists());
}

#[test]
fn serve_prints_its_url_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = wakucareer(dir.path())
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut address = None;
    for _ in 0..30 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        if let Some(rest) = line.strip_prefix("wakucareer is running at http://") {
            address = rest.split('/').next().map(str::to_owned);
            break;
        }
    }
    let address = address.expect("the URL is printed at start");

    let health = http_get(&address, "/healthz");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains(r#""database":"ok""#), "{health}");
    let home = http_get(&address, "/nagaizumi/");
    assert!(home.contains("長泉町"), "the demo town is served");

    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert!(status.success(), "a clean exit after SIGTERM: {status:?}");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("database was closed cleanly"), "{rest}");
}

fn http_get(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn an_operator_is_created_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = |email: &str, password: &str| {
        let mut child = wakucareer(dir.path())
            .args(["admin", "create-operator", "--email", email])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let created = run("root@example.jp", "mikan-no-hana-2026");
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    assert!(String::from_utf8_lossy(&created.stdout).contains("operator root@example.jp created"));

    let again = run("root@example.jp", "mikan-no-hana-2026");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let weak = run("other@example.jp", "password");
    assert!(!weak.status.success());
    let stderr = String::from_utf8_lossy(&weak.stderr);
    assert!(
        stderr.contains("password: the password needs at least 10 characters"),
        "{stderr}"
    );
}

#[test]
fn the_demo_town_loads_and_batch_proposals_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let demo = wakucareer(dir.path()).arg("demo").output().unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    assert!(String::from_utf8_lossy(&demo.stdout).contains("demo town loaded: 長泉町"));

    let out = wakucareer(dir.path())
        .args(["match", "--tenant", "nagaizumi", "--out", "proposals.json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("introductions proposed"), "{summary}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("proposals.json")).unwrap())
            .unwrap();
    let proposals = json.as_array().unwrap();
    assert!(!proposals.is_empty());
    assert!(proposals.iter().all(|p| p["score"].as_f64().unwrap() > 0.0));

    let err = failure(wakucareer(dir.path()).args(["match", "--tenant", "nowhere"]));
    assert!(err.contains("no town with the slug"), "{err}");

    // The participant list as a coordinator would download it, recorded as theirs.
    let export = |extra: &[&str]| {
        let mut command = wakucareer(dir.path());
        command.args(["export", "participants", "--tenant", "nagaizumi"]);
        command.args(extra);
        command
    };
    let me = ["--as", "coordinator@demo.example.jp"];
    let out = export(&[&me[..], &["--out", "people.csv"]].concat())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("rows written to people.csv"), "{said}");
    let text = std::fs::read_to_string(dir.path().join("people.csv")).unwrap();
    assert!(text.starts_with("\u{FEFF}\"お名前\""), "{}", &text[..40]);
    let rows = text.lines().count() - 1;
    assert!(said.starts_with(&format!("{rows} rows")), "{said} {rows}");
    let some = export(
        &[
            &me[..],
            &["--out", "some.csv", "--filters", "goal=full_return"],
        ]
        .concat(),
    )
    .output()
    .unwrap();
    assert!(some.status.success());
    let narrowed = std::fs::read_to_string(dir.path().join("some.csv")).unwrap();
    assert!(
        narrowed.lines().count() - 1 < rows,
        "the filters narrow the file"
    );

    let err = failure(&mut export(&[
        "--as",
        "officer@demo.example.jp",
        "--out",
        "x.csv",
    ]));
    assert!(err.contains("is not a coordinator of nagaizumi"), "{err}");
    let err = failure(&mut export(&[&me[..], &["--out", "x.pdf"]].concat()));
    assert!(
        err.contains("--out must name a .csv or .xlsx file"),
        "{err}"
    );
    assert!(!dir.path().join("x.csv").exists() && !dir.path().join("x.pdf").exists());

    // The town's own list of people: checked first, then each new person invited.
    std::fs::write(
        dir.path().join("list.csv"),
        "氏名,ふりがな,メールアドレス,参加の条件\r\n\
         新井 ゆい,あらい ゆい,arai@example.jp,町内在住\r\n\
         長泉 花子,ながいずみ はなこ,hanako@demo.example.jp,町内在住\r\n",
    )
    .unwrap();
    let import = |extra: &[&str]| {
        let mut command = wakucareer(dir.path());
        command.args([
            "import",
            "participants",
            "--tenant",
            "nagaizumi",
            "--file",
            "list.csv",
        ]);
        command.args(extra).output().unwrap()
    };
    let checked = import(&me);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert!(
        said.contains("3行目：メールアドレス：このメールアドレスの方は、すでに登録されています。"),
        "{said}"
    );
    assert!(
        said.contains("1人に登録のご案内を送れます。") && said.contains("dry run"),
        "{said}"
    );
    let sent = import(&[&me[..], &["--commit"]].concat());
    let said = String::from_utf8_lossy(&sent.stdout);
    assert!(said.contains("1人に登録のご案内を送りました。"), "{said}");
    let mut theirs = wakucareer(dir.path());
    theirs.args([
        "import",
        "participants",
        "--tenant",
        "nagaizumi",
        "--file",
        "list.csv",
    ]);
    theirs.args(["--as", "officer@demo.example.jp"]);
    let err = failure(&mut theirs);
    assert!(err.contains("is not a coordinator of nagaizumi"), "{err}");
}

#[test]
fn a_towns_travel_table_loads_only_when_every_line_is_right() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        wakucareer(dir.path())
            .arg("demo")
            .output()
            .unwrap()
            .status
            .success()
    );
    std::fs::write(
        dir.path().join("bad.csv"),
        "area,a,甲,Ko\ntravel,a,z,5\ndefault,9999\n",
    )
    .unwrap();
    let bad = wakucareer(dir.path())
        .args([
            "admin",
            "travel-table",
            "--tenant",
            "nagaizumi",
            "--file",
            "bad.csv",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("bad.csv was not loaded"), "{err}");
    assert!(err.contains("line 2: no area has the code \"z\""), "{err}");
    assert!(err.contains("line 3: minutes must be"), "{err}");

    std::fs::write(
        dir.path().join("good.csv"),
        "# two areas\ndefault,20\narea,a,甲,Ko\narea,b,乙,Otsu\ntravel,a,b,5\n",
    )
    .unwrap();
    let good = wakucareer(dir.path())
        .args([
            "admin",
            "travel-table",
            "--tenant",
            "nagaizumi",
            "--file",
            "good.csv",
        ])
        .output()
        .unwrap();
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&good.stdout).trim(),
        "nagaizumi: 2 areas and 1 travel times loaded (other pairs: 20 minutes)"
    );
}

#[test]
fn the_worker_runs_on_its_own_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = wakucareer(dir.path())
        .arg("worker")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut started = false;
    for _ in 0..10 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        if line.contains("worker is running") {
            started = true;
            break;
        }
    }
    assert!(started, "the worker says it runs");
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    assert!(status.success(), "a clean exit after SIGTERM: {status:?}");
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("worker stopped"), "{rest}");
}
