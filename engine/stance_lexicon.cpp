#include "engine/stance_lexicon.hpp"

namespace argmap::engine {
namespace {

constexpr negation_cue negations[] = {
    {"not", ""},           {"no", ""},          {"never", ""},       {"none", ""},
    {"nobody", ""},        {"nothing", ""},     {"neither", ""},     {"nor", ""},
    {"without", ""},       {"hardly", ""},      {"barely", ""},      {"scarcely", ""},
    {"seldom", ""},        {"rarely", ""},      {"cannot", ""},      {"n't", ""},
    {"unlikely", "likely"}, {"impossible", "possible"}, {"unable", "able"},
    {"unnecessary", "necessary"}, {"unwilling", "willing"}, {"unrealistic", "realistic"},
    {"lack", "lack", true}, {"fail", "fail", true}, {"defy", "defy", true}, {"refuse", "refuse", true},
    {"deny", "deny", true}, {"doubt", "doubt", true},
};

constexpr std::string_view cancellers[] = {"only", "just", "merely", "least", "simply"};

constexpr std::string_view hedges[] = {
    "may", "might", "could", "would", "perhaps", "possibly", "maybe", "conceivably",
    "seem", "seems", "seemed", "appear", "appears", "appeared", "apparently", "arguably",
};

constexpr std::string_view openers[] = {
    "if", "unless", "although", "though", "even", "despite", "whether", "whereas", "while", "without",
};

constexpr std::string_view breakers[] = {
    "but", "yet", "however", "although", "though", "while", "whereas", "because",
    "since", "which", "who", "whom", "unless", "if", "when", "whether",
};

// Each axis: words at one end, then words at the other end.
constexpr std::string_view help_pos[] = {"help", "aid", "assist", "facilitate", "ease", "enable"};
constexpr std::string_view help_neg[] = {"hinder", "hamper", "obstruct", "impede", "block", "complicate", "undermine"};
constexpr std::string_view improve_pos[] = {"improve", "improvement", "better", "warm", "thaw"};
constexpr std::string_view improve_neg[] = {"deteriorate", "deterioration", "worsen", "worse", "sour", "cool"};
constexpr std::string_view close_pos[] = {"close", "narrow", "bridge"};
constexpr std::string_view close_neg[] = {"widen", "broaden"};
constexpr std::string_view real_pos[] = {"real", "genuine", "substantial", "substantive", "meaningful"};
constexpr std::string_view real_neg[] = {"symbolic", "superficial", "cosmetic", "nominal", "token"};
constexpr std::string_view serious_pos[] = {"serious", "severe", "harsh", "heavy"};
constexpr std::string_view serious_neg[] = {"mild", "lenient", "modest"};
constexpr std::string_view good_pos[] = {"good", "positive", "favourable", "favorable", "auspicious"};
constexpr std::string_view good_neg[] = {"bad", "negative", "unfavourable", "unfavorable", "poor"};
constexpr std::string_view strong_pos[] = {"strong", "strengthen", "stronger", "strongest"};
constexpr std::string_view strong_neg[] = {"weak", "weaken", "weaker", "weakest", "weakness"};
constexpr std::string_view rise_pos[] = {"increase", "rise", "grow", "growth", "expand", "boost", "raise"};
constexpr std::string_view rise_neg[] = {"decrease", "fall", "decline", "shrink", "drop", "reduce", "diminish",
                                         "soften", "mitigate", "lessen", "curb"};
constexpr std::string_view accept_pos[] = {"agree", "accept", "approve", "welcome", "endorse", "support"};
constexpr std::string_view accept_neg[] = {"disagree", "reject", "oppose", "condemn", "resist"};
constexpr std::string_view peace_pos[] = {"peace", "peaceful", "cooperation", "cooperate", "reconcile",
                                          "reconciliation", "friendship", "partnership", "detente", "rapprochement"};
constexpr std::string_view peace_neg[] = {"war", "conflict", "confrontation", "hostility", "hostile", "rivalry",
                                          "enmity", "antagonism", "tension"};
constexpr std::string_view same_pos[] = {"converge", "convergence", "common", "similar", "shared", "together",
                                         "unite", "united"};
constexpr std::string_view same_neg[] = {"diverge", "divergence", "different", "differ", "difference", "distinct",
                                         "apart", "divided", "divide"};
constexpr std::string_view easy_pos[] = {"easy", "simple", "straightforward"};
constexpr std::string_view easy_neg[] = {"difficult", "hard", "tough", "complicated"};
constexpr std::string_view safe_pos[] = {"safe", "safety", "stable", "stability", "secure"};
constexpr std::string_view safe_neg[] = {"dangerous", "danger", "threat", "threaten", "risk", "risky", "unstable",
                                         "instability", "insecure"};
constexpr std::string_view benefit_pos[] = {"benefit", "gain", "advantage", "profit"};
constexpr std::string_view benefit_neg[] = {"harm", "damage", "hurt", "loss", "disadvantage"};
constexpr std::string_view success_pos[] = {"success", "succeed", "successful", "win"};
constexpr std::string_view success_neg[] = {"failure", "unsuccessful", "lose", "defeat"};
constexpr std::string_view important_pos[] = {"important", "essential", "vital", "crucial"};
constexpr std::string_view important_neg[] = {"unimportant", "irrelevant", "marginal", "negligible", "minor"};
constexpr std::string_view remain_pos[] = {"remain", "persist", "endure", "continue"};
constexpr std::string_view remain_neg[] = {"vanish", "disappear", "fade", "dissolve", "evaporate"};
constexpr std::string_view rich_pos[] = {"rich", "abundant", "plentiful"};
constexpr std::string_view rich_neg[] = {"scarce", "meagre", "meager", "depleted"};

constexpr polarity_axis axes[] = {
    {help_pos, help_neg},       {improve_pos, improve_neg}, {close_pos, close_neg},
    {real_pos, real_neg},       {serious_pos, serious_neg}, {good_pos, good_neg},
    {strong_pos, strong_neg},   {rise_pos, rise_neg},       {accept_pos, accept_neg},
    {peace_pos, peace_neg},     {same_pos, same_neg},       {easy_pos, easy_neg},
    {safe_pos, safe_neg},       {benefit_pos, benefit_neg}, {success_pos, success_neg},
    {important_pos, important_neg}, {remain_pos, remain_neg}, {rich_pos, rich_neg},
};

constexpr std::string_view stopwords[] = {
    "said", "say", "says", "saying", "really", "highly", "largely", "fact", "case", "lot", "lots", "thing",
    "things", "way", "ways", "well", "get", "gets", "got", "getting", "become", "becomes", "became",
    "becoming", "make", "makes", "made", "take", "takes", "took", "put", "ever", "else", "elsewhere",
    "another", "others", "almost", "mainly", "simply", "precisely", "certainly", "clearly", "instead",
    "let", "ought", "shall", "need", "needs", "want", "wants",
};

constexpr std::string_view connectives[] = {
    "on the one hand", "on the other hand", "on the other", "in addition", "in fact", "above all",
    "after all", "of course", "in short", "in sum", "in brief", "for example", "for instance",
    "at the same time", "in other words", "as well as", "on the contrary", "by contrast",
    "in contrast", "at least", "at once", "in turn", "in particular", "first of all", "all in all",
    "by the way", "in any case", "as a result", "for this reason", "that is to say",
};

constexpr demonym_rule demonyms[] = {
    {"ese", ""}, {"ese", "a"}, {"ian", "ia"}, {"ian", "e"}, {"ian", "y"}, {"an", "a"}, {"an", ""}, {"ern", ""},
};

}  // namespace

std::span<const negation_cue> negation_cues() noexcept { return negations; }
std::span<const std::string_view> negation_cancellers() noexcept { return cancellers; }
std::span<const std::string_view> hedge_cues() noexcept { return hedges; }
std::span<const std::string_view> background_openers() noexcept { return openers; }
std::span<const std::string_view> scope_breakers() noexcept { return breakers; }
std::span<const polarity_axis> polarity_axes() noexcept { return axes; }
std::span<const std::string_view> connective_phrases() noexcept { return connectives; }
std::span<const std::string_view> comparison_stopwords() noexcept { return stopwords; }
std::span<const demonym_rule> demonym_rules() noexcept { return demonyms; }

}  // namespace argmap::engine
