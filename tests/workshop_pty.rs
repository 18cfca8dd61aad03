//! A workshop in a real terminal: three respondents' files merged, the disagreements
//! settled in the app with keys, and the saved file holds the room's answers.

mod common;

use common::Env;
use common::pty::Term;

#[test]
fn disagreements_are_settled_in_the_app() {
    let env = Env::new();
    let mut ids = Vec::new();
    for (who, answer) in [("Alice", "fully"), ("Bob", "not"), ("Carol", "partial")] {
        let id = env.new_assessment(&[
            "--name",
            "Workshop",
            "--respondent",
            who,
            "--questionnaire",
            "worked-example",
        ]);
        env.answer(&id, &["a", answer]);
        env.answer(&id, &["b", "largely"]);
        ids.push(id);
    }
    let mut merge = env.cmd();
    merge.arg("merge").args(&ids).args(["-o", "room"]);
    merge.assert().success();

    let mut app = Term::start(env.dir.path(), &["open", "room"], 24, 80);
    app.wait_for("1 disagreement");
    app.press("D");
    app.wait_for_all(&["Alice", "Bob", "Carol", "Partially implemented"]);
    // The room settles on Carol's answer.
    app.press("3");
    app.wait_for("saved");
    app.press("\u{1b}q");
    assert!(app.wait_exit().success());

    let saved = env.json(&["score", "room", "--json"]);
    assert_eq!(saved["overall"]["answered"], 2, "a and b are answered now");
    let file = env.saved("room");
    assert_eq!(file["answers"]["worked-example/a"]["choice"], "partial");
    assert_eq!(file["answers"]["worked-example/b"]["choice"], "largely");
    assert_eq!(
        file["responses"]["worked-example/a"]
            .as_array()
            .map(Vec::len),
        Some(3),
        "every respondent's answer is kept: {file}"
    );
    assert_eq!(file["settled"]["worked-example/a"]["from"], "Carol");
    assert_eq!(file["settled"]["worked-example/a"]["by"], "facilitator");
}
