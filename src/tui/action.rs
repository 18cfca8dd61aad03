//! Everything that can happen in the app, as data: keys, mouse and terminal events are turned
//! into an [`Action`], and `update` applies it.

/// One thing the user (or the terminal) asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the highlight (or the text cursor) one row up.
    Up,
    /// Move the highlight (or the text cursor) one row down.
    Down,
    /// Move the text cursor one character left.
    Left,
    /// Move the text cursor one character right.
    Right,
    /// Move the text cursor to the start of its line.
    LineStart,
    /// Move the text cursor to the end of its line.
    LineEnd,
    /// Go to the next item of the questionnaire.
    NextItem,
    /// Go to the previous item of the questionnaire.
    PrevItem,
    /// Choose option N (1-based) of a choice item, or toggle check N of a checklist.
    Choose(usize),
    /// Choose the highlighted option, or toggle the highlighted check.
    Toggle,
    /// Mark the highlighted check of a checklist not applicable (or applicable again).
    ToggleNaCheck,
    /// Answer the item N/A (or take the N/A back).
    NotApplicable,
    /// Go to the next item without an answer.
    NextUnanswered,
    /// Edit the note of the item (for a text item, its answer).
    Edit,
    /// Confirm the item: choose the highlighted option and go on to the next item (a
    /// checklist goes on as ticked; a text item opens its answer).
    ConfirmItem,
    /// Take back the last change (answers, settlements, notes, owners, flags, follow-up).
    Undo,
    /// Park the item for later (or take it off the parked list).
    Park,
    /// Write the decision the board is asked to take on the item.
    Decision,
    /// Set the day the follow-up is due.
    Due,
    /// Move the follow-up's status on: open, in progress, done, none.
    CycleStatus,
    /// Add a piece of evidence behind the answer.
    AddEvidence,
    /// A page up: the item's details, the board view's pages, the disagreement's detail.
    PageUp,
    /// A page down: the item's details, the board view's pages, the disagreement's detail.
    PageDown,
    /// Pick the role that owns the follow-up.
    Owner,
    /// Flag the item for follow-up (or take the flag off).
    Flag,
    /// Search the prompts.
    Search,
    /// Go to a section.
    GoToSection,
    /// Show the results.
    Results,
    /// Show the board view.
    Board,
    /// Show the disagreements of a merged assessment, to settle them.
    Disagreements,
    /// Compare with another assessment (or stop comparing).
    Compare,
    /// Write the board pack to a file (asks for its name).
    WriteReport,
    /// Move the assessment to the newest versions of its questionnaires (asks first).
    Upgrade,
    /// Show or hide the help.
    Help,
    /// Open the highlighted assessment (home) or item (action plan).
    Open,
    /// Create a new assessment (asks for its name and organisation).
    New,
    /// Delete the highlighted assessment (asks first).
    Delete,
    /// Accept the dialog: pick, create, or confirm.
    Confirm,
    /// Go back: close the dialog or help, save and close the editor, or leave the screen.
    Back,
    /// Go back; on home (or in an assessment opened with `open`), quit.
    BackOrQuit,
    /// Quit at once, with everything saved (changes that could not be saved are asked about
    /// first).
    Quit,
    /// Type a character into the text field with focus.
    Input(char),
    /// Paste text into the text field with focus.
    Paste(String),
    /// Start a new line in the text field.
    Newline,
    /// Delete the character before the text cursor.
    Backspace,
    /// Delete the character under the text cursor.
    DeleteChar,
    /// Save the text field and keep editing.
    SaveField,
    /// Throw away the changes made since the editor opened, and close it.
    DiscardField,
    /// Nothing happened for a moment: a note being written is saved.
    Idle,
    /// A click on section N (0-based) of the section list: go to its first item.
    ClickSection(usize),
    /// A click on option or check N (0-based) of the current item: choose or tick it.
    ClickOption(usize),
    /// A click on row N (0-based) of the list on screen: highlight it (twice: open it).
    ClickRow(usize),
    /// Set the level the board aims for, in one area or in every area (asks which and what).
    Target,
    /// Show only the widest disagreements: all, the top 10, the top 20, in turn.
    Filter,
    /// Give the highlighted assessment another name (asks for it).
    Rename,
    /// Show the perception gap of a merged assessment: the board's view against the others'.
    PerceptionGap,
    /// Plan the session: its sections and a time box for each (opens the plan dialog).
    TimePlan,
    /// In the plan dialog: show the next session of the plan (after the last, a new one).
    NextSession,
    /// Show the supplier portfolio: every supplier assessment in one table.
    Portfolio,
    /// Show only suppliers of the next tier, in turn: all, critical, high, medium, low.
    CycleTier,
    /// Show only the suppliers a service depends on (asks for the service).
    FilterService,
    /// Switch the portfolio between its suppliers and its concentration and reviews.
    NextTab,
    /// Change the supplier's tier and services (asks for them; saved at once).
    EditSupplier,
}
