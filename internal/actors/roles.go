package actors

// The resolver's grammar: role nouns that may follow a party ("the Russian
// side", "Ukraine's foreign minister"), modifiers that may stand before them,
// and the generic phrases resolved from context. Keys are folded (lower
// case); multi-word keys are separated by single spaces.

// roleInfo describes a role noun.
type roleInfo struct {
	// title is the canonical office looked up among people's roles; empty
	// for collective nouns ("side", "negotiators").
	title string
	// mediator marks nouns that make the party a mediator.
	mediator bool
	// group marks nouns that, after a state's demonym, name a non-state
	// group based there ("Palestinian militants").
	group bool
	// key is the phrase itself (filled in by init), so that lookups with a
	// byte buffer need not allocate the key.
	key string
}

func init() {
	for k, v := range roles {
		v.key = k
		roles[k] = v
	}
}

// roles maps role phrases to what they say.
var roles = map[string]roleInfo{
	// offices held by one person
	"president":                   {title: "president"},
	"president-elect":             {title: "president-elect"},
	"vice president":              {title: "vice president"},
	"vice-president":              {title: "vice president"},
	"prime minister":              {title: "prime minister"},
	"premier":                     {title: "prime minister"},
	"chancellor":                  {title: "chancellor"},
	"foreign minister":            {title: "foreign minister"},
	"foreign affairs minister":    {title: "foreign minister"},
	"minister of foreign affairs": {title: "foreign minister"},
	"foreign secretary":           {title: "foreign minister"},
	"secretary of state":          {title: "foreign minister"},
	"defence minister":            {title: "defence minister"},
	"defense minister":            {title: "defence minister"},
	"defence secretary":           {title: "defence minister"},
	"defense secretary":           {title: "defence minister"},
	"secretary of defense":        {title: "defence minister"},
	"minister of defence":         {title: "defence minister"},
	"minister of defense":         {title: "defence minister"},
	"national security adviser":   {title: "national security adviser"},
	"national security advisor":   {title: "national security adviser"},
	"secretary-general":           {title: "secretary-general"},
	"secretary general":           {title: "secretary-general"},
	"high representative":         {title: "high representative"},
	"foreign policy chief":        {title: "high representative"},
	"king":                        {title: "king"},
	"queen":                       {title: "queen"},
	"emir":                        {title: "emir"},
	"amir":                        {title: "emir"},
	"crown prince":                {title: "crown prince"},
	"sultan":                      {title: "sultan"},
	"supreme leader":              {title: "supreme leader"},
	"leader":                      {title: "leader"},
	"head of state":               {title: "head of state"},
	"head":                        {title: "leader"},
	"chief":                       {title: "leader"},
	"chairman":                    {title: "chairman"},
	"chairperson":                 {title: "chairman"},
	"commander":                   {title: "commander"},
	"army chief":                  {title: "army chief"},
	"chief of staff":              {title: "chief of staff"},
	"spokesman":                   {title: "spokesperson"},
	"spokeswoman":                 {title: "spokesperson"},
	"spokesperson":                {title: "spokesperson"},
	"envoy":                       {title: "envoy"},
	"special envoy":               {title: "envoy"},
	"special representative":      {title: "envoy"},
	"ambassador":                  {title: "ambassador"},
	"negotiator":                  {title: "chief negotiator"},
	"chief negotiator":            {title: "chief negotiator"},
	"head of delegation":          {title: "chief negotiator"},
	"minister":                    {title: "minister"},
	"official":                    {},
	"diplomat":                    {},
	"source":                      {},
	"representative":              {},
	"counterpart":                 {},
	// collective nouns
	"side":                {},
	"negotiators":         {},
	"negotiating team":    {},
	"negotiation team":    {},
	"delegation":          {},
	"delegations":         {},
	"delegates":           {},
	"team":                {},
	"government":          {},
	"administration":      {},
	"presidency":          {},
	"officials":           {},
	"authorities":         {},
	"leadership":          {},
	"leaders":             {},
	"forces":              {},
	"armed forces":        {},
	"security forces":     {},
	"troops":              {},
	"army":                {},
	"military":            {},
	"soldiers":            {},
	"navy":                {},
	"air force":           {},
	"diplomats":           {},
	"foreign ministry":    {},
	"foreign office":      {},
	"defence ministry":    {},
	"defense ministry":    {},
	"ministry":            {},
	"cabinet":             {},
	"parliament":          {},
	"junta":               {},
	"regime":              {},
	"counterparts":        {},
	"representatives":     {},
	"intelligence":        {},
	"sources":             {},
	"envoys":              {},
	"ministers":           {},
	"state department":    {},
	"embassy":             {},
	"mediators":           {mediator: true},
	"mediator":            {mediator: true},
	"mediation":           {mediator: true},
	"mediation team":      {mediator: true},
	"facilitators":        {mediator: true},
	"co-mediators":        {mediator: true},
	"sponsorship":         {mediator: true},
	"mediation efforts":   {mediator: true},
	"group":               {group: true},
	"militant group":      {group: true},
	"armed group":         {group: true},
	"islamist group":      {group: true},
	"islamist movement":   {group: true},
	"rebel group":         {group: true},
	"movement":            {group: true},
	"resistance":          {group: true},
	"resistance movement": {group: true},
	"militants":           {group: true},
	"militant":            {group: true},
	"militia":             {group: true},
	"militias":            {group: true},
	"faction":             {group: true},
	"factions":            {group: true},
	"fighters":            {group: true},
	"rebels":              {group: true},
	"insurgents":          {group: true},
	"jihadists":           {group: true},
	"separatists":         {group: true},
	"paramilitaries":      {group: true},
	"paramilitary":        {group: true},
	"guerrillas":          {group: true},
}

// modifiers may stand between a party and a role noun ("the Russian top
// negotiator", "Hamas's political leader").
var modifiers = map[string]bool{
	"top": true, "senior": true, "chief": true, "lead": true, "deputy": true,
	"acting": true, "interim": true, "new": true, "then": true, "outgoing": true,
	"incoming": true, "current": true, "former": true, "political": true,
	"military": true, "exiled": true, "overall": true, "first": true, "main": true,
	"official": true, "foreign": true, "de facto": true, "de-facto": true,
}

// Generic phrase classes.
const (
	genGroup     = iota + 1 // the most recent non-state group
	genState                // the most recent state in play
	genOrg                  // the most recent organisation
	genTwoSides             // the last two distinct parties in play
	genTwoStates            // the last two distinct states in play
	genMediators            // the mediators named earlier
	genArmy                 // the army of the most recent state in play
	genHead                 // an office of the most recent state in play ("the president")
)

// generics are matched with the names, case-insensitively.
var generics = map[string]int{
	"the group":                      genGroup,
	"the movement":                   genGroup,
	"the militants":                  genGroup,
	"the militant group":             genGroup,
	"the militant movement":          genGroup,
	"the rebels":                     genGroup,
	"the rebel group":                genGroup,
	"the rebel movement":             genGroup,
	"the militia":                    genGroup,
	"the faction":                    genGroup,
	"the insurgents":                 genGroup,
	"the insurgent group":            genGroup,
	"the paramilitary group":         genGroup,
	"the paramilitary force":         genGroup,
	"the paramilitaries":             genGroup,
	"the paramilitary":               genGroup,
	"the jihadists":                  genGroup,
	"the jihadist group":             genGroup,
	"the islamist group":             genGroup,
	"the islamist movement":          genGroup,
	"the armed group":                genGroup,
	"the armed movement":             genGroup,
	"the separatists":                genGroup,
	"the guerrillas":                 genGroup,
	"the guerrilla group":            genGroup,
	"the terror group":               genGroup,
	"the terrorist group":            genGroup,
	"the government":                 genState,
	"the federal government":         genState,
	"federal government":             genState,
	"the central government":         genState,
	"the national government":        genState,
	"the country's government":       genState,
	"government officials":           genState,
	"government negotiators":         genState,
	"the government delegation":      genState,
	"government delegation":          genState,
	"the government side":            genState,
	"the government team":            genState,
	"the authorities":                genState,
	"the federal authorities":        genState,
	"federal authorities":            genState,
	"federal officials":              genState,
	"the federal army":               genArmy,
	"federal forces":                 genArmy,
	"the federal forces":             genArmy,
	"federal troops":                 genArmy,
	"government forces":              genArmy,
	"the government forces":          genArmy,
	"government troops":              genArmy,
	"government soldiers":            genArmy,
	"the national army":              genArmy,
	"the regime":                     genState,
	"the junta":                      genState,
	"the kingdom":                    genState,
	"the administration":             genState,
	"the bloc":                       genOrg,
	"the regional bloc":              genOrg,
	"the alliance":                   genOrg,
	"the military alliance":          genOrg,
	"the organisation":               genOrg,
	"the organization":               genOrg,
	"the agency":                     genOrg,
	"the two sides":                  genTwoSides,
	"the president":                  genHead,
	"the prime minister":             genHead,
	"the premier":                    genHead,
	"the chancellor":                 genHead,
	"the foreign minister":           genHead,
	"the defence minister":           genHead,
	"the defense minister":           genHead,
	"the king":                       genHead,
	"the emir":                       genHead,
	"the crown prince":               genHead,
	"the supreme leader":             genHead,
	"the army":                       genArmy,
	"the military":                   genArmy,
	"the armed forces":               genArmy,
	"the government army":            genArmy,
	"the army delegation":            genArmy,
	"the military delegation":        genArmy,
	"the government army delegation": genArmy,
	"the sides":                      genTwoSides,
	"the parties":                    genTwoSides,
	"all sides":                      genTwoSides,
	"both sides":                     genTwoSides,
	"the two parties":                genTwoSides,
	"both parties":                   genTwoSides,
	"the warring parties":            genTwoSides,
	"the warring sides":              genTwoSides,
	"the warring factions":           genTwoSides,
	"the belligerents":               genTwoSides,
	"the two delegations":            genTwoSides,
	"both delegations":               genTwoSides,
	"the two leaders":                genTwoSides,
	"both leaders":                   genTwoSides,
	"the negotiating parties":        genTwoSides,
	"the rival sides":                genTwoSides,
	"the two countries":              genTwoStates,
	"both countries":                 genTwoStates,
	"the two governments":            genTwoStates,
	"both governments":               genTwoStates,
	"the two states":                 genTwoStates,
	"the two nations":                genTwoStates,
	"the neighbours":                 genTwoStates,
	"the neighbors":                  genTwoStates,
	"the mediators":                  genMediators,
	"the mediation":                  genMediators,
	"the mediation team":             genMediators,
	"the sponsors":                   genMediators,
	"the guarantors":                 genMediators,
	"mediators":                      genMediators,
	"the two mediators":              genMediators,
	"the mediating countries":        genMediators,
	"the mediating parties":          genMediators,
	"the mediating states":           genMediators,
	"the facilitators":               genMediators,
	"the co-mediators":               genMediators,
}

// headlineGenerics are generic nouns without an article, taken only at the
// start of a line, where headlines drop articles ("Military says …").
var headlineGenerics = map[string]int{
	"military":   genArmy,
	"army":       genArmy,
	"government": genState,
	"junta":      genState,
	"rebels":     genGroup,
	"militants":  genGroup,
	"mediators":  genMediators,
}

// mediatedBy are phrases that make the party after them a mediator; each
// ends with "by ", "of ", "from " or "in " (mediatedAround relies on it).
var mediatedBy = []string{"mediated by ", "brokered by ", "facilitated by ", "mediation by ", "mediation of ", "mediators from ", "mediators in ", "mediators of ", "hosted by "}

// mediatedSuffix (each starting with "-", "," or " wh", which
// mediatedAround relies on) are suffixes that make the party before them a mediator
// ("Qatar-mediated", "U.S.-brokered").
var mediatedSuffix = []string{" which have been mediating", " which have mediating", " which has been mediating", " which are mediating", " which is mediating", " which have been brokering", " which has been brokering", ", which have been mediating", ", which has been mediating", ", which have been brokering", ", which has been brokering", ", which are mediating", ", which is mediating", ", which mediated", ", which brokered", " which mediated", " which brokered", ", who are mediating", ", who have been mediating", "-mediated", "-brokered", "-led mediation", "-facilitated"}

// titleGroups lists the people's role titles a title lookup accepts.
var titleGroups = map[string][]string{
	"president":         {"president", "acting president", "interim president", "transitional president", "chairman of the presidential council", "head of state", "chairman of the sovereign council", "president of the sovereign council"},
	"prime minister":    {"prime minister", "acting prime minister", "interim prime minister", "premier", "chairman of the cabinet of ministers"},
	"foreign minister":  {"foreign minister", "acting foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs"},
	"defence minister":  {"defence minister", "defense minister", "acting defence minister", "secretary of defense", "defence secretary", "secretary of war"},
	"leader":            {"leader", "supreme leader", "head of state", "chairman", "political leader", "political bureau chief", "head of the political bureau", "commander", "emir", "secretary-general"},
	"spokesperson":      {"spokesperson", "spokesman", "spokeswoman", "foreign ministry spokesperson", "military spokesperson"},
	"envoy":             {"envoy", "special envoy", "special representative"},
	"chief negotiator":  {"chief negotiator", "negotiator", "head of delegation", "lead negotiator"},
	"secretary-general": {"secretary-general"},
	"king":              {"king", "head of state"},
	"emir":              {"emir", "head of state"},
}

// nonParties are names that contain a party's name but do not refer to it
// (places, outlets, companies); they are matched so that their words are
// not taken as a party.
var nonParties = []string{
	"Latin America", "South America", "North America", "Central America",
	"Voice of America", "Bank of America",
	"Washington Post", "Washington Times", "Washington state", "Washington State", "George Washington", "University of Washington", "Washington Institute",
	"Jerusalem Post", "East Jerusalem", "Moscow Times", "Kyiv Independent", "Kyiv Post", "Kiev Post",
	"Tehran Times", "Times of Israel", "China Daily", "South China Morning Post", "South China Sea", "East China Sea",
	"Russia Today", "Radio Free Europe",
	"Georgia Tech", "Jordan River", "Jordan Valley", "River Jordan", "Lake Chad", "Niger Delta", "Niger River", "River Niger",
	"Gulf of Mexico", "New Mexico", "Persian Gulf", "Gulf of Aden", "Indian Ocean", "Sea of Japan",
	"Turkish Airlines", "Qatar Airways", "Emirates airline", "Saudi Aramco", "Panama Canal", "Dutch auction",
}
