"""Answer quality on the development questions over the whole bundled corpus (real model, real store).

The floors sit a little under the figures measured when they were set (README, "Answer quality"), so a
change that makes retrieval or answers worse fails here.
"""

from __future__ import annotations

from core.settings import PROJECT_ROOT
from retrieval.answer import DECIDED_CUES, RATING_RE, counted_words, counts_only, states_count, subject_words
from retrieval.evaluate import evaluate, figures_exact, load_questions
from retrieval.query import prepare
from tests.conftest import LATER_HELDOUT_SETS

DEV_SET = PROJECT_ROOT / "tests" / "data" / "dev_set.jsonl"
BLIND_SET = PROJECT_ROOT / "tests" / "data" / "blind_set.jsonl"
BLIND_SET_2 = PROJECT_ROOT / "tests" / "data" / "blind_set_2.jsonl"
HELDOUT_SETS = [PROJECT_ROOT / "tests" / "data" / f"heldout_set{n}.jsonl" for n in ("", "_2", "_3", "_4", "_5")]


def _summary(assistant, questions) -> dict:
    """The eval's figures for ``questions`` answered with the top 10 passages, as `cli.py eval` scores them."""
    return evaluate(questions, lambda q: assistant.ask(q.question, k=10, history=q.history)).summary()


def _assert_floors(s: dict, floors: dict[str, float], most_wrongly_abstained: float = 0.05) -> None:
    """Every figure named in ``floors`` at least its floor, and at most this share of answerable questions declined."""
    below = {key: (s[key], floor) for key, floor in floors.items() if s[key] < floor}
    assert not below, (below, s)
    assert s["wrongly_abstained"] <= most_wrongly_abstained, s


def test_development_questions_meet_the_measured_floors(corpus_assistant):
    questions = load_questions(DEV_SET)
    assert len(questions) >= 80
    _assert_floors(_summary(corpus_assistant, questions), {
        "hit@5": 0.89, "mrr": 0.82, "figures_exact": 0.79, "abstained_when_unanswerable": 0.92, "multi_paper_all_cited": 0.42,
    })


def test_questions_written_without_sight_of_the_assistant_meet_their_floors(corpus_assistant):
    # two sets of 40, written by someone who saw the papers but not this code (README, "Answer quality")
    _assert_floors(_summary(corpus_assistant, load_questions(BLIND_SET) + load_questions(BLIND_SET_2)), {
        "hit@5": 0.86, "mrr": 0.77, "figures_exact": 0.70, "abstained_when_unanswerable": 0.85,
    })


def test_questions_on_papers_never_used_in_development_meet_their_floors(heldout_assistant):
    # five sets of 40 on 37 papers not used in development until each set had been measured once, written
    # without sight of this code; all their papers in one index (README, "Answer quality")
    _assert_floors(_summary(heldout_assistant, [q for path in HELDOUT_SETS for q in load_questions(path)]), {
        "hit@5": 0.87, "mrr": 0.76, "figures_exact": 0.72, "abstained_when_unanswerable": 0.65,
    })


def test_the_later_held_out_sets_do_not_fall_below_where_they_were_met(later_heldout_assistant):
    # 1,160 questions on 187 papers of bodies and formats no earlier set has (a Scottish community council, a Californian
    # water district, Denver's transport district, a Florida city commission's transcript; Kenya's Controller of
    # Budget, a Welsh community council, an NHS Wales board; Colorado's Joint Budget Committee, Philadelphia's City
    # Controller, a Minnesota town board; Ottawa's transit commission and police board, an Indian development
    # authority's budgets; an Alexandria planning commission, a New Hampshire board of selectmen, a Massachusetts town
    # meeting; an NHS community trust and a district council's indicators; San Francisco's voting system committee,
    # a county fire service's measures, committees and inspections; a Californian school district and park district;
    # Baltimore's budget bureau and a Scottish council's budget papers; a Canadian city's budget committee and a US
    # city's budget; a small US city's transcripts and fee resolutions; a fire authority and an English county cabinet;
    # a New Zealand city council and a London borough; a Virginia county's board of supervisors, a Scottish integration
    # joint board and an Australian shire; an English police and crime panel and an Irish county council; a San Francisco
    # school district and a Texas water authority; a New Jersey board of education and township council; a New Zealand
    # regional council and a Welsh council's committee; an Oregon port authority and a Northern Irish city council; a New
    # Zealand city council and the bodies it owns; an English unitary council's performance reports and an Irish city
    # council; an Ontario township, a Western Australian shire and an NHS Wales board; a Massachusetts town and a New
    # Zealand district council; two English borough and city councils; a Canadian city council's transcript and another
    # Canadian city's finance committee; an Australian city's audit committee and an English police and crime panel; a
    # New York school board's minutes of 1930 and 1931 and a New Zealand council's audit and risk committee; a Missouri
    # city's finance committee and an Oregon county's budget committee; a Welsh county council's scrutiny committee and
    # a Scottish council's education committee), all in one index. Their figures are far below the goals and the other
    # sets' floors (README, "Answer quality"); these floors sit just under them to catch a change that makes such papers
    # worse. 53 of 957 answerable questions are declined.
    questions = [q for n in LATER_HELDOUT_SETS for q in load_questions(PROJECT_ROOT / "tests" / "data" / f"heldout_set_{n}.jsonl")]
    _assert_floors(_summary(later_heldout_assistant, questions), {
        "hit@5": 0.93, "mrr": 0.82, "figures_exact": 0.67, "abstained_when_unanswerable": 0.72,
    }, most_wrongly_abstained=0.06)


def test_figures_are_compared_as_values():
    assert figures_exact("It was 75.0%, with 1,016 questionnaires.", "75% and 1016")
    assert figures_exact("The rate was 13.8%.", "13.8%, similar to neighbours")
    assert not figures_exact("The rate was 13.80%.", "13.9%")
    assert not figures_exact("353 children", "353 children, 53.9 per 10,000")
    assert figures_exact("No figure here.", "Signs of Safety") is None


def test_a_how_many_question_is_answered_with_a_count_of_what_it_asks_about():
    assert counted_words("How many new children's homes had Rotherham opened?") == {"new", "children", "home"}
    assert "family" in counted_words("How many families were open to Early Help units?")
    # "how many of the (31) ..." counts what follows
    assert "measure" in counted_words("At Q3, how many of the key business measures reported to the committee were on track?")
    assert counted_words("How many of the 31 measures were on track?") == {"measure"}
    assert states_count("A total of 1,016 formal questionnaires were returned.", {"questionnaire"})
    assert states_count("Number and rate of Children in Need (Quarter 2 average = 1677/396)", {"children"})
    assert states_count("At the end of December 2024, there were 2,287 family cases open.", {"family"})
    assert not states_count("The next full area SEND inspection will be within approximately five years.", {"children"})
    assert not states_count("Caseloads for children fell in 2023.", {"children"})  # a year is not a count
    # nor an item's number before its title: "4.2 Appointment of Special Constables : OC Transpo Chief's report"
    assert not states_count("Carried 4.2 Appointment of Special Constables : OC Transpo Chief's report That the Board approve the "
                            "appointments of OC Transpo employees listed in Document 1.", {"oc", "employee"})
    assert not states_count("The clinic lets patients walk in between 2pm and 4pm.", {"patient"})  # nor a time
    assert states_count("This compares to 3,235 two-year olds being funded.", counted_words("How many two-year-olds were funded?"))
    assert counts_only("How many patients did the clinic see?")
    assert not counts_only("What was the take-up rate, and how many two-year-olds did it fund?")


def test_a_count_leads_and_a_question_with_no_count_is_declined(corpus_assistant):
    # the passage opens with other figures (14 hours a week, two centres); the count of questionnaires comes later
    answer = corpus_assistant.ask("How many formal questionnaires did the family hubs consultation receive?")
    assert not answer.abstained
    assert "1,016 formal questionnaires" in answer.citations[0].quote
    # the SEND inspection speaks of EHC plans, never of how many children have one
    answer = corpus_assistant.ask("How many children in Rotherham had an EHC plan at the 2024 SEND inspection?")
    assert answer.abstained, answer.text


def test_a_vote_is_answered_with_its_tally(corpus_assistant):
    answer = corpus_assistant.ask("How many councillors voted for the Kent Minerals and Waste Local Plan at Full Council?")
    assert not answer.abstained, answer.notes
    assert "For (52)" in answer.text
    assert answer.citations[0].passage.doc == "minutes/kent_county_council_minutes_2025-03-13.pdf"


def test_a_grade_question_needs_a_grade_from_the_paper_it_names(corpus_assistant):
    # Rotherham's 2022 report mentions its 2017 inspection, but not the grade it gave
    answer = corpus_assistant.ask("What grade did Ofsted give Rotherham's children's services in 2017?")
    assert answer.abstained, answer.text
    for words in ("good progress for children", "a green space", "red tape"):
        assert not RATING_RE.search(words), words
    for words in ("Overall effectiveness Good", "judged to be good", "rated red", "Requires improvement to be good", "GREEN"):
        assert RATING_RE.search(words), words


def test_what_was_resolved_leads_over_the_motion_put(corpus_assistant):
    # the minutes quote the motion ("Council is asked to endorse ...") before recording what was resolved
    answer = corpus_assistant.ask("What happened to the Pay Policy Statement at Full Council in March 2025?")
    assert not answer.abstained, answer.notes
    assert "RESOLVED that Council endorses" in answer.citations[0].quote
    # with the vote that carried it, two passages back past the names of those voting
    assert "voting was as follows: For (32)" in " ".join(answer.citations[1].quote.split())
    # a question naming a decision by its number is not asking what was decided
    assert not DECIDED_CUES.search("Who was the decision-maker for decision 24/00093?")


def test_a_figure_for_something_else_than_asked_is_declined(corpus_assistant):
    question = "What is the average weekly cost to Kent of a placement in an independent children's home?"
    assert subject_words(prepare(question)) == {"placement", "independent", "children", "home"}
    # the papers give a weekly cost only for adult support packages
    answer = corpus_assistant.ask(question)
    assert answer.abstained, answer.text
    answer = corpus_assistant.ask("What was the average weekly cost of new support packages in Kent last quarter?")
    assert not answer.abstained, answer.notes
    assert "£712" in answer.text


def test_a_rating_is_given_with_its_performance_report_row(corpus_assistant):
    answer = corpus_assistant.ask(
        "What rating did Kent's KPI for care needs assessments delivered within 28 days get in the Quarter 3 2024/25 report?"
    )
    assert not answer.abstained, answer.notes
    assert "Red" in answer.citations[0].quote
    # the row for the same measure gives the latest value, target and floor
    assert "Latest: 74% Target: 85%, Floor: 75%" in " ".join(answer.text.split())


def test_a_figure_for_an_acronym_counted_comes_from_a_sentence_on_it(corpus_assistant):
    # the Quarter 3 2024/25 report compares library issues, not EHCPs, with Quarter 3 2023/24
    answer = corpus_assistant.ask("What percentage of EHCPs did Kent issue within 20 weeks in Quarter 3 of 2023/24?")
    assert answer.abstained, answer.text
    answer = corpus_assistant.ask("What percentage of EHCPs were issued within 20 weeks in Kent's Quarter 3 2024/25 report?")
    assert not answer.abstained, answer.notes
    assert "EHCP" in answer.citations[0].quote or "Education, Health" in answer.citations[0].quote
