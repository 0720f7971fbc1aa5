#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/text_structure.hpp"
#include "grammar/marker_lexicon.hpp"
#include "grammar/prose_parser.hpp"

using namespace argmap;
using engine::marker_class;
using engine::marker_position;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string seed_text() { return read_file(std::string(ARGMAP_SAMPLES) + "/putin-visit-tokyo.txt"); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// The invariants every structure keeps: spans inside the text, sentences trimmed and inside
/// their paragraph, in order, markers inside their sentence and spelling their lexicon entry.
void check_spans(const engine::document_structure& doc) {
    const auto text = doc.text;
    auto trimmed = [&](engine::span s) {
        const auto t = engine::slice(text, s);
        return !t.empty() && !is_space(t.front()) && !is_space(t.back());
    };
    for (const auto s : doc.byline) CHECK(trimmed(s));
    for (const auto s : doc.furniture) CHECK(s.end <= text.size());
    std::size_t last_end = 0;
    for (const auto& p : doc.paragraphs) {
        REQUIRE(p.where.end <= text.size());
        CHECK(trimmed(p.where));
        REQUIRE_FALSE(p.sentences.empty());
        for (const auto& s : p.sentences) {
            CHECK(s.where.begin >= last_end);
            CHECK(s.where.begin >= p.where.begin);
            CHECK(s.where.end <= p.where.end);
            CHECK(trimmed(s.where));
            last_end = s.where.end;
            std::size_t marker_end = s.where.begin;
            for (const auto& m : s.markers) {
                CHECK(m.where.begin >= marker_end);
                CHECK(m.where.end <= s.where.end);
                marker_end = m.where.end;
                // the words as written spell the entry, up to case, spacing and apostrophes
                std::string folded;
                for (const char c : engine::slice(text, m.where)) {
                    if (is_space(c)) {
                        if (folded.empty() || folded.back() != ' ') folded += ' ';
                    } else {
                        folded += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                    }
                }
                for (std::size_t at; (at = folded.find("\xE2\x80\x99")) != std::string::npos;) folded.replace(at, 3, "'");
                CHECK(folded == m.text);
            }
        }
    }
}

engine::document_structure parse_ok(std::string_view text) {
    auto r = grammar::parse_prose(text);
    for (const auto& e : r.errors) INFO(e.line << ":" << e.column << ": " << e.message);
    REQUIRE(r.ok());
    check_spans(*r.value);
    return *r.value;
}

std::vector<std::string> sentence_texts(const engine::document_structure& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs)
        for (const auto& s : p.sentences) out.emplace_back(engine::slice(doc.text, s.where));
    return out;
}

const engine::sentence* find_sentence(const engine::document_structure& doc, std::string_view wanted) {
    for (const auto& p : doc.paragraphs)
        for (const auto& s : p.sentences)
            if (engine::slice(doc.text, s.where) == wanted) return &s;
    return nullptr;
}

const engine::marker_occurrence* find_marker(const engine::sentence& s, std::string_view text) {
    for (const auto& m : s.markers)
        if (m.text == text) return &m;
    return nullptr;
}

/// The markers of the one sentence in a text, as "text/class/position".
std::vector<std::string> markers_of(std::string_view text) {
    const auto doc = parse_ok(text);
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs)
        for (const auto& s : p.sentences)
            for (const auto& m : s.markers) {
                const char* pos = m.position == marker_position::sentence_start ? "start"
                                  : m.position == marker_position::clause_start ? "clause"
                                                                                : "mid";
                out.push_back(m.text + "/" + engine::to_string(m.cls) + "/" + pos);
            }
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

engine::diagnostic only_error(std::string_view text) {
    auto r = grammar::parse_prose(text);
    CHECK_FALSE(r.value.has_value());
    REQUIRE(r.errors.size() == 1);
    return r.errors.front();
}

}  // namespace

// --- the seed op-ed --------------------------------------------------------------------------

TEST_CASE("The seed op-ed's title is its first line", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    CHECK(engine::slice(doc.text, doc.title) == "Putin visit unlikely to close rift with Tokyo");
    CHECK(doc.text.data() == text.data());
}

TEST_CASE("The seed op-ed's byline is found", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    REQUIRE(doc.byline.size() == 1);
    CHECK(engine::slice(doc.text, doc.byline[0]) == "By Wang Haiyun Source:Global Times Published: 2015-7-31 0:13:01");
}

TEST_CASE("The seed op-ed's page furniture is dropped and inside no sentence", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    std::vector<std::string> furniture;
    for (const auto s : doc.furniture) furniture.emplace_back(engine::slice(doc.text, s));
    CHECK(contains(furniture, "Posted in:"));
    CHECK(contains(furniture, "blog comments powered by Disqus"));
    for (const auto& p : doc.paragraphs) {
        const auto para = engine::slice(doc.text, p.where);
        CHECK(para.find("Posted in") == std::string_view::npos);
        CHECK(para.find("powered by") == std::string_view::npos);
        CHECK(para.find('@') == std::string_view::npos);
    }
    for (const auto& s : sentence_texts(doc)) {
        CHECK(s.find("Posted in") == std::string::npos);
        CHECK(s.find("Disqus") == std::string::npos);
        CHECK(s.find("globaltimes") == std::string::npos);
    }
    // the note on the author that closes the op-ed is furniture too
    CHECK(contains(furniture, "The author is an expert from the China International Institute for Strategic Society. "
                              "opinion@globaltimes.com.cn"));
    CHECK(find_sentence(doc, "The author is an expert from the China International Institute for Strategic Society.") == nullptr);
}

TEST_CASE("The seed op-ed has 10 body paragraphs and no headings", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    REQUIRE(doc.paragraphs.size() == 10);
    for (const auto& p : doc.paragraphs) CHECK_FALSE(p.heading);
    CHECK(engine::slice(doc.text, doc.paragraphs.front().sentences.front().where) ==
          "The Japan-Russia relationship has been under the media spotlight recently.");
    CHECK(doc.paragraphs[1].sentences.size() == 2);
}

TEST_CASE("The seed op-ed's main claim opens with a contrast marker and holds a stance marker", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    const auto* claim = find_sentence(doc, "But it is highly unlikely the two countries will form an alliance.");
    REQUIRE(claim != nullptr);
    const auto* but = find_marker(*claim, "but");
    REQUIRE(but != nullptr);
    CHECK(but->cls == marker_class::contrast);
    CHECK(but->position == marker_position::sentence_start);
    CHECK(engine::slice(doc.text, but->where) == "But");
    CHECK(std::any_of(claim->markers.begin(), claim->markers.end(), [](const auto& m) { return m.cls == marker_class::stance; }));
    const auto* hedge = find_marker(*claim, "it is highly unlikely");
    REQUIRE(hedge != nullptr);
    CHECK(engine::slice(doc.text, hedge->where) == "it is highly unlikely");
}

TEST_CASE("The seed op-ed's reasons carry their markers", "[grammar]") {
    const auto text = seed_text();
    const auto doc = parse_ok(text);
    const auto* in_addition =
        find_sentence(doc, "In addition, the strategic concepts of Japan and Russia are hugely different.");
    REQUIRE(in_addition != nullptr);
    REQUIRE(find_marker(*in_addition, "in addition") != nullptr);
    CHECK(find_marker(*in_addition, "in addition")->cls == marker_class::addition);
    const auto* other_hand = find_sentence(doc, "Japan, on the other hand, has played an active role in these alliances.");
    REQUIRE(other_hand != nullptr);
    REQUIRE(find_marker(*other_hand, "on the other hand") != nullptr);
    CHECK(find_marker(*other_hand, "on the other hand")->position == marker_position::clause_start);
    CHECK(find_marker(*other_hand, "on") == nullptr);
}

TEST_CASE("CRLF input gives the same structure as LF input", "[grammar]") {
    const auto lf = seed_text();
    std::string crlf;
    for (const char c : lf) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const auto a = parse_ok(lf);
    const auto b = parse_ok(crlf);
    CHECK(engine::slice(b.text, b.title) == engine::slice(a.text, a.title));
    REQUIRE(b.byline.size() == a.byline.size());
    CHECK(engine::slice(b.text, b.byline[0]) == engine::slice(a.text, a.byline[0]));
    CHECK(b.paragraphs.size() == a.paragraphs.size());
    CHECK(sentence_texts(b) == sentence_texts(a));
    CHECK(b.furniture.size() == a.furniture.size());
    for (const auto s : b.furniture) CHECK(engine::slice(b.text, s).find('\r') == std::string_view::npos);
}

// --- document structure ------------------------------------------------------------------------

TEST_CASE("A structured article has title, byline, heading, list items and dropped furniture", "[grammar]") {
    const auto text = read_file(std::string(ARGMAP_TEST_DATA) + "/prose/structured-article.txt");
    const auto doc = parse_ok(text);
    CHECK(engine::slice(doc.text, doc.title) == "Why cities should ban cars");
    REQUIRE(doc.byline.size() == 2);
    CHECK(engine::slice(doc.text, doc.byline[0]) == "By Jane Doe");
    CHECK(engine::slice(doc.text, doc.byline[1]) == "Published: March 3, 2021");

    REQUIRE(doc.paragraphs.size() == 4);
    CHECK_FALSE(doc.paragraphs[0].heading);
    CHECK(doc.paragraphs[1].heading);
    CHECK(engine::slice(doc.text, doc.paragraphs[1].where) == "The main reasons");
    CHECK_FALSE(doc.paragraphs[2].heading);
    CHECK_FALSE(doc.paragraphs[3].heading);

    const auto& list = doc.paragraphs[2].sentences;
    REQUIRE(list.size() == 4);
    CHECK(engine::slice(doc.text, list[0].where) == "There are three reasons:");
    CHECK(engine::slice(doc.text, list[1].where) == "First, traffic kills about 1.3 million people a year.");
    CHECK(engine::slice(doc.text, list[2].where) == "Second, cars pollute the air\n  and the water.");
    CHECK(engine::slice(doc.text, list[3].where) == "Third, noise makes people ill.");
    REQUIRE(find_marker(list[1], "first") != nullptr);
    CHECK(find_marker(list[1], "first")->position == marker_position::sentence_start);

    std::vector<std::string> furniture;
    for (const auto s : doc.furniture) furniture.emplace_back(engine::slice(doc.text, s));
    CHECK(furniture == std::vector<std::string>{"Write to the author at jane.doe@example.org", "Share this article",
                                                 "Tags: cities, cars, transport",
                                                 "Copyright 2021 The Example Times. All rights reserved."});
}

TEST_CASE("A first line that runs on into the text is no title", "[grammar]") {
    const auto doc = parse_ok("Health insurers should pay for it\nbecause it helps patients. That is all.");
    CHECK(doc.title.empty());
    CHECK(sentence_texts(doc) ==
          std::vector<std::string>{"Health insurers should pay for it\nbecause it helps patients.", "That is all."});
}

TEST_CASE("A first line with final punctuation or many words is no title", "[grammar]") {
    CHECK(parse_ok("This is a sentence.\n\nAnd another one.").title.empty());
    CHECK(parse_ok("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                   "sixteen\n\nText.")
              .title.empty());
    const auto doc = parse_ok("Short title here\n\nText follows.");
    CHECK(engine::slice(doc.text, doc.title) == "Short title here");
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Text follows."});
}

TEST_CASE("Byline and dateline lines are recognised, a body line starting with By is not", "[grammar]") {
    const auto doc = parse_ok(
        "A title\n\nBy JOHN SMITH, Staff Writer\nFriday, July 31, 2015 10:30 AM GMT\nUpdated: 2015-08-01\n\n"
        "By contrast, the text starts here. It goes on.\n\nSource: Reuters\n");
    std::vector<std::string> byline;
    for (const auto s : doc.byline) byline.emplace_back(engine::slice(doc.text, s));
    CHECK(byline == std::vector<std::string>{"By JOHN SMITH, Staff Writer", "Friday, July 31, 2015 10:30 AM GMT",
                                              "Updated: 2015-08-01", "Source: Reuters"});
    CHECK(sentence_texts(doc) == std::vector<std::string>{"By contrast, the text starts here.", "It goes on."});
}

TEST_CASE("Page furniture lines are dropped wherever they stand", "[grammar]") {
    const std::string furniture[] = {
        "Share this:",      "Subscribe to our newsletter", "Follow us on Twitter",
        "Related: Ten more reasons", "Tags: politics, Japan", "Click here to read more",
        "\xC2\xA9 2015 Global Times", "(c) 2015 The Paper", "Posted in: Opinion",
        "Email: letters@example.com", "https://example.com/article/123", "12 comments powered by Disqus",
    };
    for (const auto& f : furniture) {
        INFO(f);
        const std::string text = "The first paragraph says something.\n\n" + f + "\n\nThe last paragraph says more.\n";
        const auto doc = parse_ok(text);
        CHECK(doc.paragraphs.size() == 2);
        REQUIRE(doc.furniture.size() == 1);
        CHECK(engine::slice(doc.text, doc.furniture[0]) == f);
    }
}

TEST_CASE("A note on the author is furniture where it closes the text, text elsewhere", "[grammar]") {
    for (const std::string note : {"The author is a professor of history at the University of Leeds.",
                                   "The writer is a columnist for this newspaper.",
                                   "The authors are researchers at the Institute for Fiscal Studies."}) {
        INFO(note);
        // the documents view their texts: keep the texts alive
        const std::string closing_text = "Taxes should fall.\n\nThey hurt growth.\n\n" + note + "\n\nPosted in: Opinion\n";
        const std::string inside_text = "Taxes should fall.\n\n" + note + "\n\nThey hurt growth.\n";
        const auto closing = parse_ok(closing_text);
        CHECK(closing.paragraphs.size() == 2);
        CHECK(find_sentence(closing, note) == nullptr);
        const auto inside = parse_ok(inside_text);
        CHECK(inside.paragraphs.size() == 3);
        CHECK(find_sentence(inside, note) != nullptr);
    }
    // a text that merely starts like one is text
    const std::string text = "The author is right that taxes hurt growth.\n";
    const auto doc = parse_ok(text);
    CHECK(find_sentence(doc, "The author is right that taxes hurt growth.") != nullptr);
}

TEST_CASE("An e-mail address is dropped and the text around it kept", "[grammar]") {
    const auto doc = parse_ok("We should act now. Write to letters@example.com with comments. Thanks to all.");
    std::vector<std::string> furniture;
    for (const auto s : doc.furniture) furniture.emplace_back(engine::slice(doc.text, s));
    CHECK(furniture == std::vector<std::string>{"Write to letters@example.com"});
    CHECK(sentence_texts(doc) == std::vector<std::string>{"We should act now.", "with comments.", "Thanks to all."});
}

TEST_CASE("A line of only punctuation between paragraphs is dropped", "[grammar]") {
    const auto doc = parse_ok("First part.\n\n* * *\n\nSecond part.");
    CHECK(sentence_texts(doc) == std::vector<std::string>{"First part.", "Second part."});
    REQUIRE(doc.furniture.size() == 1);
    CHECK(engine::slice(doc.text, doc.furniture[0]) == "* * *");
}

TEST_CASE("List items are sentences of their own", "[grammar]") {
    const auto doc = parse_ok("Reasons to act\n- cars pollute\n* cars kill\n2) noise\n\xE2\x80\xA2 heat islands\n\nSo act.");
    CHECK(sentence_texts(doc) ==
          std::vector<std::string>{"Reasons to act", "cars pollute", "cars kill", "noise", "heat islands", "So act."});
}

TEST_CASE("A short line between paragraphs is a heading, a short last line is not", "[grammar]") {
    const auto doc = parse_ok("Intro sentence here.\n\nA Heading\n\nBody sentence.\n\nThank you");
    REQUIRE(doc.paragraphs.size() == 4);
    CHECK_FALSE(doc.paragraphs[0].heading);
    CHECK(doc.paragraphs[1].heading);
    CHECK_FALSE(doc.paragraphs[2].heading);
    CHECK_FALSE(doc.paragraphs[3].heading);
}

// --- sentences ------------------------------------------------------------------------------------

TEST_CASE("Abbreviations do not end a sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("Mr. Smith met Dr. Jones and Prof. Lee at St. Paul's. They talked.")) ==
          std::vector<std::string>{"Mr. Smith met Dr. Jones and Prof. Lee at St. Paul's.", "They talked."});
    CHECK(sentence_texts(parse_ok("Some costs rose, e.g. Rent and i.e. Food. Others fell, cf. Table 2. Done.")) ==
          std::vector<std::string>{"Some costs rose, e.g. Rent and i.e. Food.", "Others fell, cf. Table 2.", "Done."});
    CHECK(sentence_texts(parse_ok("The U.S. Army and the U.N. Security Council met on Jan. 5 in Vol. 3, No. 7. Fine.")) ==
          std::vector<std::string>{"The U.S. Army and the U.N. Security Council met on Jan. 5 in Vol. 3, No. 7.", "Fine."});
    CHECK(sentence_texts(parse_ok("Gen. Lee vs. Gov. Brown, approx. Ten votes. Done.")) ==
          std::vector<std::string>{"Gen. Lee vs. Gov. Brown, approx. Ten votes.", "Done."});
}

TEST_CASE("An abbreviation that can close a sentence ends one before a sentence opener", "[grammar]") {
    CHECK(sentence_texts(parse_ok("He works for Acme Inc. The company is big.")) ==
          std::vector<std::string>{"He works for Acme Inc.", "The company is big."});
    CHECK(sentence_texts(parse_ok("Apples, pears etc. But not plums.")) ==
          std::vector<std::string>{"Apples, pears etc.", "But not plums."});
    CHECK(sentence_texts(parse_ok("He moved to the U.S. It was cold. Acme Ltd. Board members agreed.")) ==
          std::vector<std::string>{"He moved to the U.S.", "It was cold.", "Acme Ltd. Board members agreed."});
}

TEST_CASE("Initials do not end a sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("J. R. R. Tolkien wrote it. Vladimir V. Putin read it.")) ==
          std::vector<std::string>{"J. R. R. Tolkien wrote it.", "Vladimir V. Putin read it."});
}

TEST_CASE("Decimals do not end a sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("Growth was 3.5 percent. It was 0.5 last year, or 12.75 in total.")) ==
          std::vector<std::string>{"Growth was 3.5 percent.", "It was 0.5 last year, or 12.75 in total."});
}

TEST_CASE("A closing quote or bracket belongs to the sentence it closes", "[grammar]") {
    CHECK(sentence_texts(parse_ok("He said \"no.\" Then he left.")) ==
          std::vector<std::string>{"He said \"no.\"", "Then he left."});
    CHECK(sentence_texts(parse_ok("She said \xE2\x80\x9Cyes.\xE2\x80\x9D \xE2\x80\x9CWhy?\xE2\x80\x9D he asked.")) ==
          std::vector<std::string>{"She said \xE2\x80\x9Cyes.\xE2\x80\x9D", "\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."});
    CHECK(sentence_texts(parse_ok("(See the table.) Next comes the text. 'Quoted.' Done.")) ==
          std::vector<std::string>{"(See the table.)", "Next comes the text.", "'Quoted.'", "Done."});
}

TEST_CASE("An ellipsis before a lower-case word does not end a sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("Wait... and see. Then... Nothing happened. Well\xE2\x80\xA6 maybe.")) ==
          std::vector<std::string>{"Wait... and see.", "Then...", "Nothing happened.", "Well\xE2\x80\xA6 maybe."});
}

TEST_CASE("Runs of sentence punctuation end one sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("Really?! Yes!!! 2015 was hot. Or not?")) ==
          std::vector<std::string>{"Really?!", "Yes!!!", "2015 was hot.", "Or not?"});
}

TEST_CASE("A period without space or before a lower-case word does not end a sentence", "[grammar]") {
    CHECK(sentence_texts(parse_ok("See www.example.com for more. The file is data.csv. the end")) ==
          std::vector<std::string>{"See www.example.com for more.", "The file is data.csv. the end"});
}

TEST_CASE("A sentence never crosses a paragraph break, a line break inside a paragraph is no end", "[grammar]") {
    const auto doc = parse_ok("This sentence is\nwrapped. This one stops\n\nhere in a new paragraph.");
    REQUIRE(doc.paragraphs.size() == 2);
    CHECK(sentence_texts(doc) ==
          std::vector<std::string>{"This sentence is\nwrapped.", "This one stops", "here in a new paragraph."});
}

TEST_CASE("Sentence spans are trimmed and slice to the sentence", "[grammar]") {
    const std::string text = "   \t First one.    Second one!  \n  Third one   \n";
    const auto doc = parse_ok(text);
    REQUIRE(doc.paragraphs.size() == 1);
    const auto& s = doc.paragraphs[0].sentences;
    REQUIRE(s.size() == 3);
    CHECK(s[0].where.begin == text.find("First"));
    CHECK(s[0].where.end == text.find("First one.") + 10);
    CHECK(engine::slice(doc.text, s[2].where) == "Third one");
    CHECK(engine::slice(doc.text, doc.paragraphs[0].where) == "First one.    Second one!  \n  Third one");
}

// --- markers ---------------------------------------------------------------------------------------

TEST_CASE("Markers are reported with their class and actual position", "[grammar]") {
    CHECK(markers_of("However, it rains.") == std::vector<std::string>{"however/contrast/start"});
    CHECK(markers_of("Because it rains, we stay.") == std::vector<std::string>{"because/premise/start"});
    CHECK(markers_of("We stay, because it rains.") == std::vector<std::string>{"because/premise/clause"});
    CHECK(markers_of("We stay because it rains.") == std::vector<std::string>{"because/premise/mid"});
    CHECK(markers_of("It rains; therefore we stay.") == std::vector<std::string>{"therefore/conclusion/clause"});
    CHECK(markers_of("For example, cars pollute.") == std::vector<std::string>{"for example/example/start"});
    CHECK(markers_of("In short, cars pollute.") == std::vector<std::string>{"in short/restatement/start"});
    CHECK(markers_of("Unless we act, cars pollute.") == std::vector<std::string>{"unless/condition/start"});
    CHECK(markers_of("Critics say cars are needed.") == std::vector<std::string>{"critics say/opponent/start"});
    CHECK(markers_of("Admittedly, cars are useful.") == std::vector<std::string>{"admittedly/concession/start"});
    CHECK(markers_of("Moreover, cars are loud.") == std::vector<std::string>{"moreover/addition/start"});
    CHECK(markers_of("Cities should ban cars.") == std::vector<std::string>{"should/stance/mid"});
}

TEST_CASE("Clause starts follow commas, semicolons, colons and dashes", "[grammar]") {
    CHECK(markers_of("It works \xE2\x80\x94 however slowly.") == std::vector<std::string>{"however/contrast/clause"});
    CHECK(markers_of("It works\xE2\x80\x94however slowly.") == std::vector<std::string>{"however/contrast/clause"});
    CHECK(markers_of("It works - however slowly.") == std::vector<std::string>{"however/contrast/clause"});
    CHECK(markers_of("It works -- however slowly.") == std::vector<std::string>{"however/contrast/clause"});
    CHECK(markers_of("One thing is clear: thus we go.") == std::vector<std::string>{"thus/conclusion/clause"});
    CHECK(markers_of("A well-known thus-named road.") == std::vector<std::string>{"thus/conclusion/mid"});
}

TEST_CASE("A marker after an opening quote or bracket stands at sentence start", "[grammar]") {
    CHECK(markers_of("\"However, no,\" he said.") == std::vector<std::string>{"however/contrast/start"});
    CHECK(markers_of("(Therefore we stay.)") == std::vector<std::string>{"therefore/conclusion/start"});
    CHECK(markers_of("\xE2\x80\x9CThus it ends.\xE2\x80\x9D") == std::vector<std::string>{"thus/conclusion/start"});
}

TEST_CASE("Ambiguous markers are reported only where their entry allows", "[grammar]") {
    CHECK(markers_of("As it rains, we stay.") == std::vector<std::string>{"as/premise/start"});
    CHECK(markers_of("It is as big as a house.").empty());
    CHECK(markers_of("I have lived here since 2010.").empty());
    CHECK(markers_of("Since it rains, we stay.") == std::vector<std::string>{"since/premise/start"});
    CHECK(markers_of("It is not so bad.").empty());
    CHECK(markers_of("So we stay.") == std::vector<std::string>{"so/conclusion/start"});
    CHECK(markers_of("It rains, so we stay.") == std::vector<std::string>{"so/conclusion/clause"});
    CHECK(markers_of("We waited a while.").empty());
    CHECK(markers_of("While it rains, we stay.") == std::vector<std::string>{"while/concession/start"});
    CHECK(markers_of("They have still not signed it.").empty());
    CHECK(markers_of("Make sure it works.").empty());
}

TEST_CASE("A marker is found where a longer entry only starts the next word", "[grammar]") {
    // "as to" and "so far" are blocking phrases; "as too" and "so fares" are not them
    CHECK(markers_of("We stay, as too much rain falls.") == std::vector<std::string>{"as/premise/clause"});
    CHECK(markers_of("It rains, so farmers stay home.") == std::vector<std::string>{"so/conclusion/clause"});
    CHECK(markers_of("We stay, as to the rain nobody knows.").empty());
}

TEST_CASE("The longest marker wins over its prefixes", "[grammar]") {
    CHECK(markers_of("On the other hand, it rains.") == std::vector<std::string>{"on the other hand/contrast/start"});
    CHECK(markers_of("Not only cars but also buses pollute.") ==
          std::vector<std::string>{"not only/addition/start", "but also/addition/mid"});
    CHECK(markers_of("As a result, prices rose.") == std::vector<std::string>{"as a result/conclusion/start"});
    CHECK(markers_of("As a result of the war, prices rose.") == std::vector<std::string>{"as a result of/premise/start"});
    CHECK(markers_of("Even if it rains, we go.") == std::vector<std::string>{"even if/concession/start"});
    CHECK(markers_of("As long as it rains, we stay.") == std::vector<std::string>{"as long as/condition/start"});
    // a longer phrase that is no marker hides the shorter marker it starts with
    CHECK(markers_of("So far, nothing happened.").empty());
    CHECK(markers_of("As if nothing happened, we go on.").empty());
    // where the longest entry may not stand, a shorter one that may is found
    CHECK(markers_of("So that's it.") == std::vector<std::string>{"so/conclusion/start"});
    CHECK(markers_of("We work so that we can eat.") == std::vector<std::string>{"so that/premise/mid"});
}

TEST_CASE("Markers match without regard to case, as whole words, across line breaks", "[grammar]") {
    CHECK(markers_of("THEREFORE we go.") == std::vector<std::string>{"therefore/conclusion/start"});
    CHECK(markers_of("Butter is good.").empty());
    CHECK(markers_of("The therefores are many.").empty());
    CHECK(markers_of("It rains. On the\n  other hand, it is warm.") ==
          std::vector<std::string>{"on the other hand/contrast/start"});
    CHECK(markers_of("That\xE2\x80\x99s why we go.") == std::vector<std::string>{"that's why/conclusion/start"});
    CHECK(markers_of("We go, e.g. to Rome.") == std::vector<std::string>{"e.g./example/clause"});
}

TEST_CASE("Marker spans slice to the words as written", "[grammar]") {
    const std::string text = "It rains. On the\n  other hand, it is warm.";
    const auto doc = parse_ok(text);
    const auto* s = find_sentence(doc, "On the\n  other hand, it is warm.");
    REQUIRE(s != nullptr);
    REQUIRE(s->markers.size() == 1);
    CHECK(engine::slice(doc.text, s->markers[0].where) == "On the\n  other hand");
    CHECK(s->markers[0].where.begin == text.find("On the"));
}

// --- bad input -------------------------------------------------------------------------------------

TEST_CASE("Empty and white-space-only texts are reported as empty", "[grammar]") {
    for (const std::string_view text : {std::string_view{}, std::string_view{" \n\t\r\n  "}}) {
        const auto e = only_error(text);
        CHECK(e.message == "the text is empty");
        CHECK(e.line == 1);
        CHECK(e.column == 1);
    }
}

TEST_CASE("A NUL byte is reported as binary content where it stands", "[grammar]") {
    const std::string text("Some text.\nMore \xC3\xA4 text\0here.", 29);
    const auto e = only_error(text);
    CHECK(e.message == "binary content: NUL byte");
    CHECK(e.line == 2);
    CHECK(e.column == 12);
}

TEST_CASE("Invalid UTF-8 is reported at its first bad byte", "[grammar]") {
    {
        const auto e = only_error("Caf\xC3(");
        CHECK(e.message == "invalid UTF-8 byte 0xC3");
        CHECK(e.line == 1);
        CHECK(e.column == 4);
    }
    {
        const auto e = only_error("Fine.\n\xC3\xA4 ok \x80 bad \xFF");
        CHECK(e.message == "invalid UTF-8 byte 0x80");
        CHECK(e.line == 2);
        CHECK(e.column == 6);
    }
    CHECK(only_error("overlong \xC0\xAF").message == "invalid UTF-8 byte 0xC0");
    CHECK(only_error("surrogate \xED\xA0\x80").message == "invalid UTF-8 byte 0xED");
    CHECK(only_error("too high \xF4\x90\x80\x80").message == "invalid UTF-8 byte 0xF4");
    CHECK(only_error("cut short \xE2\x80").message == "invalid UTF-8 byte 0xE2");
}

TEST_CASE("Binary content with bad UTF-8 gets both errors", "[grammar]") {
    const std::string text("\x7F" "ELF\x02\x01\x01\0\0\xFF", 10);
    const auto r = grammar::parse_prose(text);
    CHECK_FALSE(r.value.has_value());
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].message == "binary content: NUL byte");
    CHECK(r.errors[1].message == "invalid UTF-8 byte 0xFF");
}

TEST_CASE("A text without sentences is reported where its content starts", "[grammar]") {
    {
        const auto e = only_error("\n\n  ... --- !!!\n");
        CHECK(e.message == "no sentences found");
        CHECK(e.line == 3);
        CHECK(e.column == 3);
    }
    {
        const auto e = only_error("A lonely title\n\nPosted in:\n\nShare this\n");
        CHECK(e.message == "no sentences found");
        CHECK(e.line == 1);
        CHECK(e.column == 1);
    }
}

TEST_CASE("Valid UTF-8 in other scripts is read", "[grammar]") {
    CHECK(sentence_texts(parse_ok("Der Bär schläft. Über Nacht ist es kalt. Это Россия.")) ==
          std::vector<std::string>{"Der Bär schläft.", "Über Nacht ist es kalt.", "Это Россия."});
    const auto doc = parse_ok("\xEF\xBB\xBFTitle after a byte order mark\n\nText.");
    CHECK(sentence_texts(doc) == std::vector<std::string>{"Text."});
}

TEST_CASE("A 5 MB line without punctuation is one sentence", "[grammar]") {
    std::string text;
    text.reserve(5'000'000 + 8);
    while (text.size() < 5'000'000) text += "word and so on ";
    const auto r = grammar::parse_prose(text);
    REQUIRE(r.ok());
    REQUIRE(r.value->paragraphs.size() == 1);
    REQUIRE(r.value->paragraphs[0].sentences.size() == 1);
    CHECK(r.value->paragraphs[0].sentences[0].where.size() == text.size() - 1);
}

TEST_CASE("Pathological texts finish with a result or an error", "[grammar]") {
    const std::size_t n = 1'000'000;
    const std::string texts[] = {
        std::string(n, '.'),
        std::string(n, '\n'),
        "End." + std::string(n, ' ') + "Next",
        [&] { std::string s; while (s.size() < n) s += "a."; return s; }(),
        [&] { std::string s; while (s.size() < n) s += "x@y.z"; return s; }(),
        [&] { std::string s; while (s.size() < n) s += "A. "; return s; }(),
        [&] { std::string s; while (s.size() < n) s += "on the other "; return s; }(),
        [&] { std::string s; while (s.size() < n) s += "\"'\xE2\x80\x9D"; return "It ends." + s; }(),
        [&] { std::string s; while (s.size() < n) s += "- \n"; return s; }(),
    };
    for (const auto& text : texts) {
        const auto r = grammar::parse_prose(text);
        CHECK((r.ok() || !r.errors.empty()));
        if (r.value) check_spans(*r.value);
    }
}

TEST_CASE("Random texts keep every span inside the text", "[grammar]") {
    const std::string_view pieces[] = {
        " ", "\n", "\n\n", "\r\n", ".", "!", "?", ",", ";", ":", "-", " - ", "\"", "'", "(", ")", "a", "The", "word",
        "Mr.", "U.S.", "etc.", "3.5", "J.", "however", "on the other hand", "so", "as", "By Jane", "Posted in:",
        "x@y.com", "http://a.b", "\xE2\x80\x94", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6", "\xC3\xA4", "\xC2\xA0",
        "1. ", "* ", "Copyright", "Share this", "2015-7-31", "\t", "...",
    };
    std::mt19937 rng(20150731);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const auto count = rng() % 40;
        for (std::uint32_t k = 0; k < count; ++k) text += pieces[rng() % std::size(pieces)];
        INFO(text);
        const auto r = grammar::parse_prose(text);
        REQUIRE((r.ok() || !r.errors.empty()));
        if (r.value) check_spans(*r.value);
    }
}

namespace {

/// The text of every sentence the parser keeps as body text.
std::vector<std::string> body_sentences(const std::string& text) {
    const auto parsed = argmap::grammar::parse_prose(text);
    REQUIRE(parsed.ok());
    std::vector<std::string> out;
    for (const auto& p : parsed.value->paragraphs)
        for (const auto& s : p.sentences) out.emplace_back(text.substr(s.where.begin, s.where.end - s.where.begin));
    return out;
}

bool any_contains(const std::vector<std::string>& sentences, const std::string& what) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const std::string& s) { return s.find(what) != std::string::npos; });
}

}  // namespace

TEST_CASE("A letter's salutation and signature and the speaker's name under a title are not body text", "[grammar]") {
    const std::string text =
        "Remarks on the Budget\n"
        "October 2, 1990\n"
        "President Jane Doe\n"
        "\n"
        "To the People of the State of New York:\n"
        "\n"
        "The budget must pass. It keeps the deficit down, and it protects the schools.\n"
        "\n"
        "Some say it raises taxes. But the rise is small.\n"
        "\n"
        "JANE DOE.\n"
        "\n"
        "1 See the message of last year.\n";
    const auto sentences = body_sentences(text);
    CHECK(any_contains(sentences, "The budget must pass."));
    CHECK(any_contains(sentences, "But the rise is small."));
    CHECK_FALSE(any_contains(sentences, "President Jane Doe"));
    CHECK_FALSE(any_contains(sentences, "To the People"));
    CHECK_FALSE(any_contains(sentences, "JANE DOE"));
    CHECK_FALSE(any_contains(sentences, "See the message"));
}

TEST_CASE("A short last line that is a sentence stays body text", "[grammar]") {
    const auto sentences = body_sentences("Taxes should fall.\n\nThe economy needs it.\n\nSo we must act now.\n");
    CHECK(any_contains(sentences, "So we must act now."));
    CHECK(any_contains(sentences, "The economy needs it."));
}

TEST_CASE("A quotation of several sentences stays in one sentence", "[grammar]") {
    const auto sentences = body_sentences("Critics say \"It will fail. It costs too much.\" They are wrong. "
                                          "He wrote \xE2\x80\x9CWe won. They lost.\xE2\x80\x9D That was all.\n");
    CHECK(any_contains(sentences, "Critics say \"It will fail. It costs too much.\""));
    CHECK(any_contains(sentences, "He wrote \xE2\x80\x9CWe won. They lost.\xE2\x80\x9D"));
    CHECK(any_contains(sentences, "They are wrong."));
    // a stray quote mark that never closes does not swallow the sentences after it
    const auto stray = body_sentences("He said \"maybe. Then he left. Nobody followed.\n");
    CHECK(stray.size() == 3);
}
