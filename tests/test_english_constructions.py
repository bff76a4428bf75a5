"""English constructions found in PolNeAR's errors, checked on real parses with the bundled models
(texts written for claimcheck): each test is one construction wire copy uses every day."""

from __future__ import annotations

import pytest

from claimcheck.report.models import Claim, DocumentReport
from tests._reference import check_text, claim_with, has_models

pytestmark = pytest.mark.skipif(not has_models("en"), reason="English models not available")


def analyse(text: str) -> DocumentReport:
    return check_text(text, "en")


def who(claim: Claim) -> str:
    return (claim.speaker.name if claim.speaker else "") + "|" + (claim.outlet.name if claim.outlet else "")


# (text, words of the claim, kinds it may have, who must be named as its speaker or outlet, cue)
CASES = {
    "quote, name with age, then the cue": (
        '"That is a legitimate concern, because they are very passionate," Sarandon, 69, told MSNBC on Monday.',
        "legitimate concern", {"direct_quote"}, "Sarandon", "told"),
    "fronted 'Asked ...' clause": (
        'Trump spoke in Ohio. Asked whether he would pay the legal fees, Trump replied, "Well, maybe so."',
        "maybe so", {"direct_quote"}, "Trump", "replied"),
    "manner-of-speaking cue": (
        'The anchor tried to ask a question. "Go back to Univision," Trump barked.',
        "Go back", {"direct_quote"}, "Trump", "barked"),
    "name after scene-setting clauses": (
        'At a rally in Berea on Tuesday, after winning Ohio in the primary, Gov. John Kasich said, '
        '"We are going all the way to Cleveland."',
        "Cleveland", {"direct_quote"}, "Kasich", "said"),
    "a second cue after 'and' with the same subject": (
        "Fields later tweeted a photograph of her bruised forearm and said she had been yanked backward.",
        "she had been yanked backward", {"indirect_speech"}, "Fields", "said"),
    "an initialism before a title": (
        '"The defendant betrayed the children this charity was created to serve," U.S. Attorney Rachel Greenberg '
        "said at a news conference.", "betrayed the children", {"direct_quote"}, "Rachel Greenberg", "said"),
    "archive quotation marks ''...''": (
        "As boos erupt from the crowd, the plant manager, Robert Hale, says, ''Please quiet down.'' "
        "''We have to look around the corner,'' Mr. Hale said.",
        "look around the corner", {"direct_quote"}, "Robert Hale", "said"),
    "'adding that' after a partial quote shares the subject": (
        'Speaking to farmers in Ames, Ortega said that there is "only one serious plan on the table," adding that '
        "it is why the governor keeps attacking him.",
        "why the governor keeps attacking", {"indirect_speech"}, "Ortega", "adding"),
    "'while arguing' after a quote frame": (
        '"I think it would make things worse," Mendel said, while arguing the state should hire more nurses.',
        "hire more nurses", {"indirect_speech"}, "Mendel", "arguing"),
    "a participle after the quote does not swallow it": (
        '"We need steady hands," Alvarez told the union, referring to the mayor but not naming him.',
        "steady hands", {"direct_quote"}, "Alvarez", "told"),
    "a cue form the tagger calls a noun yields to the verb": (
        "Moments earlier, in his opening remarks, Dunmore said he was ideally suited for the job.",
        "ideally suited", {"indirect_speech"}, "Dunmore", "said"),
    "'labeling X \"Y\"' with an aside after the name": (
        "Former Arkansas Gov. Mike Huckabee, for his part, is labeling Obama’s actions “a blatant, belligerent abuse "
        "of power.”", "belligerent abuse", {"direct_quote"}, "Mike Huckabee", "labeling"),
    "a verb of manner right after a quote frames it": (
        "The crowd cheered. “This is fantastic!” beamed Donald Hartley of Madison, Alabama, who snuck onto the floor.",
        "This is fantastic", {"direct_quote"}, "Donald Hartley", "beamed"),
    "name, then a verb of manner after a quote": (
        'Reporters asked about the polls. "We will win this state," Trump snapped.',
        "win this state", {"direct_quote"}, "Trump", "snapped"),
    "a belief in an aside after the frame leaves the quote its frame": (
        '"He will appoint an attorney general who will send clear messages," Christie added, referencing a job he '
        "is widely believed to want.", "appoint an attorney general", {"direct_quote"}, "Christie", "added"),
    "a time the parse takes for the subject, the name as its apposition": (
        "Saturday at the Massachusetts Democratic party convention Sen. Elizabeth Warren (D-MA) said Donald Trump "
        "was a failure in business.", "failure in business", {"indirect_speech"}, "Elizabeth Warren", "said"),
    "a subject the parse calls a vocative": (
        "Donald Trump, meanwhile, was making a fresh pitch to voters, refusing to concede that the senator's backers "
        "were unlikely to vote for him.", "unlikely to vote", {"indirect_speech"}, "Donald Trump", "concede"),
    "an apposition inside an aside is not the subject": (
        "Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said he would welcome Cruz.",
        "welcome Cruz", {"indirect_speech"}, "Chuck Grassley", "said"),
    "a relative clause's words are not the subject": (
        "Jorge Ramos, who lives in Miami, said he considers himself an immigrant.",
        "considers himself", {"indirect_speech"}, "Jorge Ramos", "said"),
    "a cue form with a plain object after 'and' does not cut the report": (
        "He said states like California and Colorado will clarify the situation first.",
        "Colorado will clarify", {"indirect_speech"}, "", "said"),
    "a sentence-final frame takes a leading 'later' clause along": (
        "Hours later, Trump returned to the stage, the former governor said.",
        "returned to the stage", {"indirect_speech"}, "", "said"),
    "a quote, then a name with four appositions": (
        "Twenty-four percent said she did nothing wrong. ''I just don't think she's been truthful with her emails,'' "
        "Cecelia Purner, 67, a retired customer service representative in Allentown, Pa., said in an interview.",
        "truthful with her emails", {"direct_quote"}, "Cecelia Purner", "said"),
    "a cue form the tagger calls a noun ends the frame": (
        "The editors aimed their Friday editorial at the governor. “If she wants to be the next president, she should "
        "come to Louisiana,” the editorial read.", "come to Louisiana", {"direct_quote"}, "editorial", "read"),
    "a quantity after the cue belongs to what was said": (
        "Officials said about 400,000 people live in areas under mandatory evacuation orders.",
        "about 400,000 people live", {"indirect_speech"}, "Officials", "said"),
    "according to reports: the reports are the source, not a cue": (
        "Gas stations in Lafayette ran out of fuel on Monday, according to local media reports.",
        "ran out of fuel", {"attributed"}, "local media reports", "according"),
    "a long body name after a partial quote, the statement carried by an agency": (
        "The drills are a \"stern warning to separatist forces,\" the Eastern Theater Command of the People's "
        "Liberation Army said in a statement carried by the official Xinhua News Agency.",
        "The drills are a", {"indirect_speech"}, "Eastern Theater Command|Xinhua", "said"),
    "an outlet's frame the parse joined as a conjunct, then 'citing'": (
        "Halvorsen has privately pushed for deeper cuts, Axios reported last week, citing people familiar with the "
        "fund's thinking.", "pushed for deeper cuts", {"indirect_speech"}, "Axios", "reported"),
    "a spokesman of a named body (the tagger calls the name an adjective)": (
        "Brandt is under pressure from activist investor Halvorsen Partners. A Halvorsen spokesman said the company "
        "would wait.", "company would wait", {"indirect_speech"}, "Halvorsen Partners", "said"),
    "'found that' opens a clause whatever the tagger made of its verb": (
        "The poll found that 47 percent of likely primary voters back Ortiz, compared with 38 percent for Brandvold.",
        "47 percent of likely primary voters", {"indirect_speech"}, "poll", "found"),
    "an infinitive in the reason for anonymity is no cue": (
        "A Brandvold campaign aide, who spoke on condition of anonymity because he was not authorized to discuss "
        "strategy, said the campaign plans to spend $4 million on ads.", "spend $4 million", {"indirect_speech"},
        "campaign aide", "said"),
    "a role the tagger calls a name, then the name as apposition": (
        "The state Democratic Party chairwoman, Louise Amundsen, said the party would stay neutral.",
        "stay neutral", {"indirect_speech"}, "Louise Amundsen", "said"),
    "a spokesperson for a body whose name holds 'for'": (
        "A spokesperson for the Department for Levelling Up said councils had been given a record settlement.",
        "record settlement", {"indirect_speech"}, "Department for Levelling Up", "said"),
    "'told the BBC' keeps the addressee out of what was said": (
        "Council leader Priya Sandhu told the BBC the authority faced a £23m gap in next year's budget.",
        "the authority faced", {"indirect_speech"}, "Priya Sandhu|BBC", "told"),
    "a role phrase, then the name as its apposition": (
        "An economist at Washington State University, Mei Tanaka, says consolidation is the bigger story.",
        "consolidation is the bigger story", {"indirect_speech"}, "Mei Tanaka", "says"),
    "a role word the tagger made a verb, then the name": (
        "Nuggets coach Ray Delgado told reporters after Thursday's practice that Price would start on Saturday.",
        "Price would start", {"indirect_speech"}, "Ray Delgado", "told"),
    "'said more than 90,000 voters lacked …' is a clause whatever the parse": (
        "The plaintiffs' lawyer works for the Civic Voting Project. In a court filing last month, the group said more "
        "than 90,000 registered voters lacked one of the accepted IDs.", "90,000 registered voters lacked",
        {"indirect_speech"}, "Civic Voting Project", "said"),
    "name with age after a scene": (
        "As part of his plea, Victor Lanza, 44, said that he had stolen the passwords himself.",
        "stolen the passwords", {"indirect_speech"}, "Victor Lanza", "said"),
    "a frame between commas inside the clause": (
        "The economy, the senator said, is in far worse shape than the governor admits.",
        "far worse shape", {"indirect_speech"}, "senator", "said"),
    "a new subject after 'and' reports on its own": (
        "Many council members have said they will skip the vote and others have said they are not interested.",
        "not interested", {"indirect_speech"}, "others", "said"),
    "'as' after the frame opens a scene, not a frame": (
        '"Quiet," Okafor demanded, as the mayor continued to interject.',
        "Quiet", {"direct_quote"}, "Okafor", "demanded"),
    "a one-word quote before an inverted frame": (
        '"Meh," wrote a council member who runs the account @CityWatch. "What matters is jobs."',
        "Meh", {"direct_quote"}, "council member", "wrote"),
    "a surname the tagger reads as a verb after the closing mark": (
        "“This last-minute legislating from the bench has to stop,” Husted said.",
        "legislating from the bench", {"direct_quote"}, "Husted", "said"),
    "a question mark glued to the closing mark": (
        "“Mason, let me tell you, how big is that wall going to be?” Pence said in response.",
        "how big is that wall", {"direct_quote"}, "Pence", "said"),
    "a question, then its frame as a sentence of its own": (
        'The mayor took questions. "You think I\'m going to change?" Ortiz asked reporters during a news conference.',
        "going to change", {"direct_quote"}, "Ortiz", "asked"),
    "an inverted addressee verb after a question": (
        "“How big is that wall?” asked the boy, who was wearing a red hat, as the audience laughed.",
        "How big is that wall", {"direct_quote"}, "boy", "asked"),
    "a possessive opens the inverted speaker": (
        '"We are going to chip away at her lead," added his campaign manager Jeff Weaver, speaking to CNN.',
        "chip away", {"direct_quote"}, "Jeff Weaver", "added"),
    "an interrupted quote around a name with an apposition": (
        '"The risk," said Edward Leamer, an economist at the university, "is that wages will fall."',
        "wages will fall", {"direct_quote"}, "Edward Leamer", "said"),
    "'who added' after an inverted speaker": (
        '"It was not convincing," said one senator familiar with the talks, who added that the White House '
        "seemed rattled.", "seemed rattled", {"indirect_speech"}, "senator", "added"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_speaker_and_cue(case: str) -> None:
    text, words, kinds, name, cue = CASES[case]
    c = claim_with(analyse(text), words)
    assert c.kind in kinds, c
    assert name in who(c), c
    assert c.cue is not None and c.cue.text == cue, c
    assert c.speaker is None or "for his part" not in c.speaker.mention, c  # an aside is no part of the mention


def test_headline_with_full_stop_names_its_speaker() -> None:
    text = ("Lynch: No outside influence on the email probe.\n\n"
            "Attorney General Loretta Lynch said on Monday that the investigation is independent.")
    c = claim_with(analyse(text), "No outside influence")
    assert c.kind == "indirect_speech" and "Lynch" in who(c), c
    assert c.text.startswith("No outside"), c  # the label is the speaker, not part of the claim


def test_headline_naming_an_outlet() -> None:
    text = ("NY Daily News: Paris attacks highlight threat posed by gun lobby.\n\n"
            "On Wednesday, the New York Daily News suggested the attacks highlight the threat.")
    c = claim_with(analyse(text), "Paris attacks highlight")
    assert "New York Daily News" in who(c), c


def test_a_company_name_is_an_organisation() -> None:
    c = claim_with(analyse("Quorra Systems said on Monday that it would cut 1,400 jobs."), "1,400 jobs")
    assert c.speaker is not None and c.speaker.type == "organization", c


def test_the_reported_clause_starts_at_that() -> None:
    report = analyse("Transit officials told The Denver Post that security staffing had been cut by a third. "
                     "The Post reported in March that violent incidents on the light-rail system had doubled.")
    told = claim_with(report, "security staffing")
    assert "Denver Post" not in told.text and told.outlet is not None, told
    reported = claim_with(report, "violent incidents on the light-rail system had doubled")
    assert reported.kind == "indirect_speech" and reported.outlet is not None, reported


def test_a_scene_clause_is_not_what_someone_wants() -> None:
    c = claim_with(analyse("Northbridge reportedly also want a new goalkeeper before the transfer window closes."),
                   "goalkeeper")
    assert c.text.startswith("Northbridge"), c  # the whole sentence, not "a new goalkeeper before …"


def test_who_just_spoke_stays_the_pronouns_referent() -> None:
    report = analyse('Actress Susan Sarandon was interviewed on Monday. Asked about her vote in the event that Clinton '
                     'faces Trump, who has insulted women, she replied: "I do not know." "Really," she added when the '
                     'interviewer expressed shock.')
    assert "Sarandon" in who(claim_with(report, "I do not know")), report.claims
    really = claim_with(report, "Really")
    assert really.kind == "direct_quote" and "Sarandon" in who(really), really


def test_a_spokesperson_for_a_department_is_no_name_inside_it() -> None:
    report = analyse('A spokesperson for the Department of Health and Social Care said: "We do not comment on leaks."')
    claim = claim_with(report, "comment on leaks")
    assert claim.speaker is not None and claim.speaker.name != "Social Care"
    assert claim.speaker.mention == "A spokesperson for the Department of Health and Social Care"


def test_transcript_turns_are_the_speakers_own_words() -> None:
    text = ("Partial transcript as follows:\n\n"
            "TAPPER: Governor, do you think the candidate has campaigned as a healer?\n\n"
            "FALLIN: Well, I think he is trying. I think that has been part of his message.\n\n"
            "TAPPER: And the polls?\n\n"
            "FALLIN: The polls will tighten after the convention.\n")
    report = analyse(text)
    c = claim_with(report, "polls will tighten")
    assert c.kind == "direct_quote" and "FALLIN" in who(c), c
    second = claim_with(report, "part of his message")  # the turn's later sentences too
    assert "FALLIN" in who(second), second
    assert not any(cl.text.startswith("TAPPER") for cl in report.claims)  # the label is not a claim


def test_one_name_label_is_a_headline_not_a_transcript() -> None:
    text = ("Update: The bridge will reopen on Monday.\n\n"
            "The city said the repairs cost $4 million.\n")
    c = claim_with(analyse(text), "bridge will reopen")
    assert c.kind != "direct_quote", c


def test_an_organisation_named_x_of_y_keeps_its_whole_name() -> None:
    report = check_text("The Bank of England said inflation would fall next year. The Royal College of Nursing said "
                        "staff were working in corridors.", "en")
    assert claim_with(report, "inflation would fall").speaker.name == "Bank of England"
    assert claim_with(report, "working in corridors").speaker.name == "Royal College of Nursing"


def test_an_outlet_citing_unnamed_aides_is_weak() -> None:
    report = check_text("Politico, citing two Senate aides, reported that she raised the idea at a lunch.", "en")
    c = claim_with(report, "raised the idea")
    assert c.outlet is not None and c.outlet.name == "Politico"
    assert c.status == "weakly_sourced"


def test_a_group_at_a_named_body_is_that_body() -> None:
    report = check_text("Analysts at Harrowgate Capital said a larger hike could push prices lower.\n\n"
                        "Economists at the Federal Reserve said inflation would fall.", "en")
    assert claim_with(report, "push prices").speaker.name == "Harrowgate Capital"
    assert claim_with(report, "inflation would fall").speaker.name == "Federal Reserve"
    assert claim_with(report, "inflation would fall").status == "sourced"


def test_is_said_to_names_nobody_and_does_not_inherit() -> None:
    report = check_text("People who worked with Okafor describe him as a charismatic leader. "
                        "He is said to have personally recruited several donors.", "en")
    c = claim_with(report, "personally recruited")
    assert c.kind == "hearsay" and c.speaker is None and c.outlet is None


def test_headline_label_that_is_an_unnamed_source() -> None:
    text = ("Insiders: Trump will rebound in New Hampshire\n\n"
            "Republican operatives said the candidate would recover after his loss in Iowa.\n")
    c = claim_with(analyse(text), "Trump will rebound")
    assert c.kind == "indirect_speech" and c.speaker is not None and c.speaker.name == "Insiders", c
    assert c.status == "weakly_sourced", c


def test_headline_speaker_and_audience() -> None:
    text = ("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade\n\n"
            "Hillary Clinton told the group's members on Friday that the ruling was at stake.\n")
    c = claim_with(analyse(text), "Trump will reverse")
    assert c.text.startswith("Trump will reverse") and "Clinton" in who(c), c


def test_is_expected_to_is_the_outlets_own_assertion() -> None:
    # the harbor-bridge gold: "Construction is expected to take three years." is unsourced, not hearsay
    c = claim_with(analyse("The Federal Reserve is expected to raise interest rates in December."), "raise interest")
    assert c.kind == "assertion" and c.status == "unsourced", c


def test_british_single_quotation_marks() -> None:
    report = analyse("The minister said: ‘We will act within days.’ Critics called the plan ‘a disgrace’.")
    c = claim_with(report, "act within days")
    assert c.kind == "direct_quote" and c.text.startswith("‘We will"), c


def test_an_honorific_is_not_part_of_the_name() -> None:
    report = analyse("Maria Acosta runs the bank's branch in Ponce. ''Usually we get that back,'' Ms. Acosta said.")
    c = claim_with(report, "we get that back")
    assert c.speaker is not None and c.speaker.name == "Maria Acosta" and c.speaker.role != "Ms.", c


def test_a_body_at_its_seat_is_not_the_place() -> None:
    c = claim_with(analyse("Police in Miami said two men were arrested on Sunday."), "two men were arrested")
    assert c.speaker is not None and c.speaker.name == "Police in Miami" and c.speaker.type == "organization", c


def test_a_court_ruling_is_reported() -> None:
    c = claim_with(analyse("Judge Amy Lee ruled on Friday that the law was unconstitutional."), "unconstitutional")
    assert c.kind == "indirect_speech" and "Amy Lee" in who(c), c


def test_a_title_with_the_full_stop_inside_the_marks_is_no_quote() -> None:
    report = analyse("Fox is betting on a revival of ''Gilmore Girls.'' ''We love it,'' the producer said.")
    assert not any(c.kind == "direct_quote" and "Gilmore" in c.text for c in report.claims), report.claims
    assert claim_with(report, "We love it").kind == "direct_quote"


@pytest.mark.parametrize(("text", "words", "name"), [
    ("Samuel Okoye, a neurologist at King's College London who was not involved in the research, said the results "
     "were encouraging.", "results were encouraging", "Samuel Okoye"),  # a name and its apposition: two subjects
    ('Dr. Samuel Okoye, a neurologist at King\'s College London, said the results were "encouraging."',
     "encouraging", "Samuel Okoye"),  # three subjects: "Dr.", "Samuel" and the apposition
    ("City Council member Rosa Jiménez said she would ask for an emergency hearing.", "emergency hearing",
     "Rosa Jiménez"),  # the person after the role, not the body before it
    ("In Washington, the State Department urged restraint. A department spokesperson said the United States was "
     "monitoring the situation closely.", "monitoring the situation", "State Department"),  # the body named before
])
def test_who_a_role_phrase_names(text: str, words: str, name: str) -> None:
    c = claim_with(analyse(text), words)
    assert c.speaker is not None and c.speaker.name == name, c


def test_an_agentless_charge_continues_the_source_just_named() -> None:
    report = analyse("Daniel Okafor used the money for a vacation home, according to an indictment unsealed on Monday. "
                     "Okafor is accused of creating fake vendor accounts.")
    c = claim_with(report, "fake vendor accounts")
    assert c.kind == "reported_speech" and c.speaker is not None and c.speaker.name == "indictment", c
    assert c.status != "unsourced", c


def test_a_possessive_inside_an_apposition_keeps_the_speaker() -> None:
    c = claim_with(analyse('"We have been promised a top-six squad," said Dan Whitcombe, chair of the Northbridge '
                           "Supporters' Trust."), "top-six squad")
    assert c.speaker is not None and c.speaker.name == "Dan Whitcombe", c


def test_reportedly_on_the_cue_makes_the_whole_report_hearsay() -> None:
    report = analyse("Hospital leaders have reportedly warned that some trusts may have to cancel operations.")
    c = claim_with(report, "cancel operations")
    assert c.kind == "hearsay" and c.speaker is None and c.text.startswith("Hospital leaders have reportedly"), c


def test_an_unnamed_individual_is_a_weak_source() -> None:
    c = claim_with(analyse("One engineer said managers had been told to rank their teams."), "rank their teams")
    assert c.speaker is not None and c.speaker.type == "anonymous" and c.status == "weakly_sourced", c


def test_told_the_network_points_back_to_the_outlet() -> None:
    report = analyse('"We have seen what these storms can do," Boudreaux told CNN on Tuesday. He told the network '
                     "that the state had positioned 3,000 troops.")
    c = claim_with(report, "positioned 3,000 troops")
    assert c.outlet is not None and c.outlet.name == "CNN", c


def test_a_request_is_reported_speech_like_german_bitten() -> None:
    report = analyse("Trump asked the crowd to stand for the anthem. He asked a question about the schedule.")
    assert claim_with(report, "asked the crowd to stand").kind == "reported_speech"
    assert claim_with(report, "asked a question").kind == "assertion"  # the question itself is no claim


def test_declining_to_comment_is_reported_like_german_ablehnen() -> None:
    c = claim_with(analyse("A spokesman for the company declined to comment on Friday."), "declined to comment")
    assert c.kind == "reported_speech" and c.speaker is not None, c


def test_a_poll_shows_a_finding() -> None:
    report = analyse("A new Marist poll shows the mayor and her challenger in a dead heat. He showed up late.")
    c = claim_with(report, "dead heat")
    assert c.kind == "reported_speech" and c.speaker is not None and "poll" in c.speaker.mention, c
    assert not any("showed up" in x.text for x in report.claims if x.cue is not None)


def test_a_plural_noun_with_a_cue_form_is_no_cue() -> None:
    report = analyse("Voters in 30 states now face stricter rules. The mayor's remarks drew criticism.")
    assert not [c for c in report.claims if c.cue is not None and c.cue.text in ("states", "remarks")], report.claims


@pytest.mark.parametrize(("text", "first", "second", "cue"), [
    ('Erin Castillo, the environmental lawyer, endorsed Ruiz on Saturday, saying she "has fought for clean water."',
     "endorsed Ruiz", "fought for clean water", "saying"),
    ("The senator criticized the governor's budget and said it would cut school funding.",
     "criticized the governor's budget", "cut school funding", "said"),
])
def test_a_second_cue_reports_its_own_clause(text: str, first: str, second: str, cue: str) -> None:
    report = analyse(text)
    a, b = claim_with(report, first), claim_with(report, second)
    assert a is not b and a.kind == "reported_speech" and second not in a.text, report.claims
    assert b.kind == "indirect_speech" and b.cue is not None and b.cue.text == cue, b
    assert b.speaker is not None and a.speaker is not None and b.speaker.name == a.speaker.name, b


@pytest.mark.parametrize(("text", "name", "status"), [
    ("A Trump supporter said the rally was peaceful.", "Trump supporter", "weakly_sourced"),
    ("The Sanders campaign said it raised $5 million.", "Sanders campaign", "sourced"),
    ("Trump adviser Stephen Miller said the plan was ready.", "Stephen Miller", "sourced"),
])
def test_a_name_in_front_of_a_noun_describes_the_speaker(text: str, name: str, status: str) -> None:
    c = analyse(text).claims[0]
    assert c.speaker is not None and c.speaker.name == name and c.status == status, c


def test_a_quote_carried_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    report = analyse('"We need steady hands," Ramos told the union, referring to the mayor. "Not a leader who says '
                     'one thing on Monday and another on Tuesday.\n\n"Well, my friends, that is what we will change!"')
    for words in ("Not a leader", "what we will change"):
        c = claim_with(report, words)
        assert c.kind == "direct_quote" and c.speaker is not None and c.speaker.name == "Ramos", c


def test_a_frame_after_a_quote_of_several_sentences_opens_a_longer_tail() -> None:
    report = analyse("Ada Okafor had little patience for the idea. “First of all, I think I'm going to have the "
                     "votes, OK? I think. Let's see what happens,” she said, adding that there should be no focus on "
                     "a number.")
    quote = claim_with(report, "going to have the votes")
    assert quote.kind == "direct_quote" and quote.cue is not None and quote.cue.text == "said", quote
    assert quote.speaker is not None and quote.speaker.name == "Ada Okafor", quote
    tail = claim_with(report, "no focus on a number")
    assert tail.cue is not None and tail.cue.text == "adding" and tail.speaker.name == "Ada Okafor", tail
    assert not any("she said" in c.text for c in report.claims)  # the frame is no claim of its own


def test_a_descriptor_with_a_place_in_it_is_the_person_named_before() -> None:
    report = analyse('Senator Ted Cruz warned of a divided party. "We need to respect the will of the voters," '
                     "the Texas senator said.")
    assert claim_with(report, "will of the voters").speaker.name == "Ted Cruz"


def test_as_for_names_the_pronoun_after_it() -> None:
    report = analyse("Ted Cruz said a contested convention would be a disaster. As for Donald Trump, he said he "
                     "was not worried.")
    c = claim_with(report, "not worried")
    assert c.speaker is not None and c.speaker.name == "Donald Trump" and c.speaker.mention == "he", c


def test_a_time_between_cue_and_that_is_not_what_was_said() -> None:
    report = analyse("Prime Minister Anna Berg said late Wednesday that she would go ahead with the meeting, although "
                     "she tweeted that she \"rejects the latest comments.\"")
    first = claim_with(report, "go ahead with the meeting")
    assert first.text.startswith("that she would"), first
    assert "tweeted" not in first.text, first  # the second report is a claim of its own
    second = claim_with(report, "rejects the latest")
    assert second.cue is not None and second.cue.text == "tweeted", second


def test_a_time_and_a_scene_before_the_cue_are_not_what_was_reported() -> None:
    report = analyse("Friday morning, as the parade rolled through Pasadena, CNN reported at least six skywriting "
                     "planes filled the skies with messages.")
    c = claim_with(report, "planes filled the skies")
    assert c.text.startswith("at least six") and c.outlet is not None and c.outlet.name == "CNN", c
    assert c.cue is not None and c.cue.text == "reported", c  # "planes" is no form of "plan"


def test_a_body_named_before_speaks_through_its_people() -> None:
    report = analyse("Both victims were taken to Denver Health Medical Center. The woman remained in critical "
                     "condition on Saturday, a hospital spokeswoman said.\n\nTransit agency officials told The "
                     "Denver Post that security staffing had been cut by a third.")
    hospital = claim_with(report, "critical condition")
    assert hospital.speaker is not None and hospital.speaker.name == "Denver Health Medical Center", hospital
    agency = claim_with(report, "cut by a third")
    assert agency.speaker is not None and agency.speaker.name == "Transit agency", agency
    assert agency.status == "sourced", agency  # officials of a named body speak for it, not anonymously


def test_wire_copy_dateline_frames_and_agentless_reports() -> None:
    report = analyse("SAN JOSE, Calif. (Reuters) - Veltrix is in advanced talks to acquire Aurelion, people familiar "
                     "with the matter said on Thursday.\n\nA deal could be announced as soon as next week, the "
                     "sources said, asking not to be identified.\n\nIt was reported last month that the company had "
                     "also approached a Japanese supplier.")
    talks = claim_with(report, "advanced talks")
    assert talks.text.startswith("Veltrix"), talks  # the dateline is no part of the claim
    deal = claim_with(report, "could be announced")
    assert deal.cue is not None and deal.cue.text == "said" and deal.speaker is not None, deal
    assert deal.speaker.mention == "the sources" and deal.status == "weakly_sourced", deal
    passive = claim_with(report, "approached a Japanese supplier")
    assert passive.kind == "hearsay" and passive.speaker is None and passive.status == "weakly_sourced", passive


def test_british_outlet_phrases_and_alleged_to() -> None:
    report = analyse("The BBC understands that the proposal will be discussed at a meeting in March.\n\n"
                     "The council's former finance director is alleged to have approved the contract without a tender.")
    bbc = claim_with(report, "will be discussed")
    assert bbc.outlet is not None and bbc.outlet.name == "BBC" and bbc.text.startswith("that"), bbc
    alleged = claim_with(report, "approved the contract")
    assert alleged.kind == "hearsay" and alleged.speaker is None and alleged.status == "unsourced", alleged


def test_a_charge_in_headline_style_has_no_speaker_and_prosecutors_are_a_body() -> None:
    report = analyse("Man charged with arson in warehouse fire that injured two firefighters\n\n"
                     "Prosecutors allege that Hale set the fire after he was evicted from a storage unit.")
    headline = claim_with(report, "Man charged with arson")
    assert headline.speaker is None or headline.speaker.name != "Man", headline
    assert "injured two firefighters" in headline.text, headline  # "a fire that …" is no that-clause
    alleged = claim_with(report, "Hale set the fire")
    assert alleged.speaker is not None and alleged.speaker.name == "Prosecutors" and alleged.status == "sourced"


def test_a_request_for_comment_left_unanswered_is_reported() -> None:
    report = analyse("The European Commission did not respond to a request for comment.")
    c = claim_with(report, "did not respond")
    assert c.kind == "reported_speech" and c.speaker is not None and c.speaker.name == "European Commission", c


def test_a_new_sentence_after_a_closing_mark_and_a_party_bracket() -> None:
    report = analyse('Senate Majority Leader Karen Whitmore (D-Ore.) told reporters that Republicans had "walked away '
                     'from a deal we shook hands on." Minority Leader Doug Barrow (R-Tenn.) disputed that account, '
                     "saying Democrats had added $12 billion in new spending.")
    first = claim_with(report, "walked away")
    assert first.speaker is not None and first.speaker.mention.endswith("(D-Ore.)"), first
    second = claim_with(report, "added $12 billion")
    assert second.speaker is not None and second.speaker.name == "Doug Barrow", second


def test_anonymous_officials_readouts_and_one_of_them() -> None:
    report = analyse("The presidents spoke by phone on Friday, according to a White House readout of the call. "
                     "The Turkish presidency said in a statement that the two leaders agreed to keep channels open.\n\n"
                     "Two U.S. officials, speaking on condition of anonymity to discuss private diplomatic "
                     "conversations, said no agreement was reached. One of them described the call as \"frank.\"")
    readout = claim_with(report, "spoke by phone")
    assert readout.speaker is not None and "White House" in readout.speaker.name and readout.status == "sourced"
    assert claim_with(report, "agreed to keep").speaker.name == "Turkish presidency"
    officials = claim_with(report, "no agreement was reached")
    assert officials.cue is not None and officials.cue.text == "said" and officials.status == "weakly_sourced"
    one = claim_with(report, "frank")
    assert one.status == "weakly_sourced", one  # one of the unnamed officials


def test_outlet_frames_offices_and_unreturned_calls() -> None:
    report = analyse("Prosecutors are investigating whether an aide diverted campaign funds to a firm he co-owns, The "
                     "New York Times reported Tuesday, citing two people with knowledge of the inquiry.\n\n"
                     "Lindahl's office declined to say when she learned of it. The firm did not return calls "
                     "seeking comment on Wednesday.")
    times = claim_with(report, "diverted campaign funds")
    assert times.kind == "indirect_speech" and times.outlet is not None and times.outlet.name == "The New York Times"
    assert "Lindahl" in claim_with(report, "declined to say").speaker.name  # the principal's own office
    firm = claim_with(report, "did not return calls")
    assert firm.kind == "reported_speech" and firm.speaker is not None and "Wednesday" not in firm.speaker.name, firm


def test_a_month_abbreviation_before_the_day_ends_no_sentence() -> None:
    report = analyse("Leaders said a vote could slip. The Senate is scheduled to leave for its recess on Aug. 2.\n")
    assert any(c.text.endswith("on Aug. 2") for c in report.claims), [c.text for c in report.claims]


def test_the_carrier_named_earlier_in_the_sentence_and_a_hyphenated_agent() -> None:
    report = analyse("Northstar Airlines canceled more than 1,200 flights on Saturday after a software failure, the "
                     "carrier said.\n\nThe outage is the airline's third disruption this year, according to data from "
                     "the flight-tracking service FlightAware.")
    assert claim_with(report, "canceled more than").speaker.name == "Northstar Airlines"
    assert "FlightAware" in claim_with(report, "third disruption").speaker.name


def test_she_skips_a_man_named_last() -> None:
    report = analyse("Ray Dunmore has picked apples here for 41 years. His daughter, Alicia, works as a nurse in "
                     "Spokane. She says she has no plans to take over the farm.")
    c = claim_with(report, "no plans to take over")
    assert c.speaker is not None and c.speaker.name == "Alicia"


def test_he_skips_a_woman_named_last() -> None:
    report = analyse("Senator Tom Hale met Mayor Linda Ruiz on Monday. Ruiz praised the plan. He said the bill "
                     "would pass in June.")
    c = claim_with(report, "would pass in June")
    assert c.speaker is not None and "Hale" in c.speaker.name


def test_an_outlet_named_by_a_common_word_only_as_written() -> None:
    report = analyse("The singer told Variety that she was fine. A variety of sources disagreed.")
    told = claim_with(report, "she was fine")
    assert told.outlet is not None and told.outlet.name == "Variety"
    assert all(c.outlet is None for c in report.claims if "variety of" in c.text)


def test_who_police_say_reports_the_relative_clause() -> None:
    report = analyse("The suspect, who police said had a gun, was arrested on Monday.")
    c = claim_with(report, "had a gun")
    assert c.kind == "indirect_speech" and c.speaker is not None and c.speaker.name.lower() == "police"
    assert "arrested" not in c.text


def test_a_modal_conjunct_after_the_clause_is_still_what_was_said() -> None:
    report = analyse("The Food and Drug Administration said it was aware of the study and would review it.")
    c = claim_with(report, "would review it")
    assert c.kind == "indirect_speech" and "aware of the study" in c.text
    assert c.speaker is not None and c.speaker.name == "Food and Drug Administration"


def test_said_then_but_warned_gives_two_claims() -> None:
    report = analyse("Ortega said crews expected calmer winds overnight but warned that gusts of up to 45 mph were "
                     "forecast for Friday.")
    said = claim_with(report, "calmer winds")
    warned = claim_with(report, "gusts of up to 45 mph")
    assert said is not warned and "gusts" not in said.text
    assert said.kind == "indirect_speech" and warned.kind == "indirect_speech"
