package guests

import (
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// The fields a column of a guest file can hold. Export writes these names as its header,
// so an exported file imports back as it is.
const (
	ColSalutation = "salutation"
	ColGivenName  = "given_name"
	ColFamilyName = "family_name"
	ColFullName   = "name"
	ColEmail      = "email"
	ColPhone      = "phone"
	ColLanguage   = "language"
	ColLoyalty    = "loyalty_number"
	ColTier       = "tier"
	ColVIP        = "vip"
	ColCasinoTier = "casino_tier"
	ColNotes      = "notes"
	ColArrival    = "arrival"
	ColDeparture  = "departure"
	ColRoom       = "room"
	ColStayStatus = "stay_status"
	ColPartySize  = "party_size"
	ColChildren   = "children"

	// Read on import only: a mobile number stands in for an empty phone; where the guest
	// is from (country, nationality, the country at the end of an address) decides how a
	// phone without its country code is read; a birth date becomes the birthday occasion.
	ColMobile      = "mobile"
	ColCountry     = "country"
	ColNationality = "nationality"
	ColAddress     = "address"
	ColBirthDate   = "birth_date"
)

// headerAliases are the names PMS exports (Opera, Protel, Cloudbeds, local Indonesian
// systems) and hand-made spreadsheets give each field, written as headerKey folds them:
// lower case, no accents, letters and digits only.
var headerAliases = map[string][]string{
	ColSalutation: {"salutation", "title", "gelar", "sapaan", "panggilan", "titel"},
	ColGivenName:  {"givenname", "firstname", "first", "forename", "fname", "guestfirstname", "namadepan", "namapertama", "vorname", "prenom"},
	ColFamilyName: {"familyname", "lastname", "last", "surname", "lname", "guestlastname", "namabelakang", "namakeluarga", "nachname", "familienname", "nomdefamille"},
	ColFullName:   {"name", "guestname", "fullname", "guest", "customername", "nama", "namatamu", "namalengkap", "tamu", "namapelanggan"},
	ColEmail:      {"email", "emailaddress", "mail", "guestemail", "surel", "alamatemail", "alamatsurel", "emailtamu"},
	ColPhone: {"phone", "phonenumber", "telephone", "tel", "telp", "contactnumber", "telepon", "notelepon",
		"nomortelepon", "notelp", "telefon", "telefonnummer", "telephonenumber", "homephone", "privatephone"},
	ColMobile: {"mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "handphone", "hp", "nohp", "nomorhp",
		"mobil", "handy", "mobiltelefon", "portable", "cellular", "mobileno"},
	ColCountry: {"country", "countrycode", "countryname", "addresscountry", "countryofresidence", "residencecountry",
		"negara", "kodenegara", "negaraasal", "asalnegara", "land", "pays", "paese", "pais", "homecountry"},
	ColNationality: {"nationality", "nationalitycode", "citizenship", "kewarganegaraan", "kebangsaan", "warganegara",
		"nationalitat", "nationalite", "nazionalita", "nacionalidad"},
	ColAddress: {"address", "address1", "addressline1", "homeaddress", "fulladdress", "street", "alamat", "alamatrumah",
		"adresse", "anschrift", "indirizzo", "direccion"},
	ColBirthDate: {"birthdate", "dateofbirth", "dob", "birthday", "born", "tanggallahir", "tgllahir", "tgllhr",
		"geburtsdatum", "geburtstag", "datedenaissance", "fechadenacimiento", "datadinascita"},
	ColLanguage: {"language", "lang", "languagecode", "preferredlanguage", "bahasa", "sprache", "langue", "lingua", "idioma"},
	ColLoyalty: {"loyaltynumber", "loyaltyno", "loyalty", "loyaltyid", "membership", "membershipnumber", "membershipno",
		"memberno", "membernumber", "memberid", "nomormember", "nomember", "nomoranggota", "noanggota", "kartuanggota"},
	ColTier:       {"tier", "loyaltytier", "membershiplevel", "membershiptier", "level", "tingkat", "tingkatanggota"},
	ColVIP:        {"vip", "vipcode", "vipstatus", "viplevel"},
	ColCasinoTier: {"casinotier", "playertier", "casinolevel", "casino", "tierkasino"},
	ColNotes:      {"notes", "note", "remarks", "remark", "comments", "comment", "guestnotes", "catatan", "keterangan", "bemerkung", "bemerkungen", "notiz", "anmerkung"},
	ColArrival: {"arrival", "arrivaldate", "checkin", "checkindate", "arrive", "datein", "tanggaldatang",
		"tanggalkedatangan", "kedatangan", "tanggaltiba", "tanggalcheckin", "tanggalmasuk"},
	ColDeparture: {"departure", "departuredate", "checkout", "checkoutdate", "depart", "dateout", "tanggalberangkat",
		"keberangkatan", "tanggalkeluar", "tanggalcheckout", "tanggalpulang"},
	ColRoom:       {"room", "roomnumber", "roomno", "rm", "kamar", "nokamar", "nomorkamar"},
	ColStayStatus: {"staystatus", "status", "reservationstatus", "resstatus", "statustamu", "statusreservasi", "statusmenginap"},
	ColPartySize:  {"partysize", "pax", "adults", "adult", "guests", "persons", "people", "numberofguests", "noofguests", "jumlahtamu", "jumlahorang", "dewasa"},
	ColChildren:   {"children", "child", "kids", "anak", "anakanak"},
}

var fieldOfHeader = func() map[string]string {
	m := map[string]string{}
	for field, names := range headerAliases {
		for _, n := range names {
			m[n] = field
		}
	}
	return m
}()

// headerKey folds a header or a value for lookup: "E-mail Address" → "emailaddress",
// "Tanggal Datang" → "tanggaldatang", "Mr." → "mr".
func headerKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FieldForHeader returns the field a column header means, or "" for a column Frontdesk
// does not use.
func FieldForHeader(header string) string {
	return fieldOfHeader[headerKey(header)]
}

// salutationOf reads the titles PMS exports write ("MR.", "Mrs", "Bpk", "Ibu"); an
// unknown title is left out rather than refusing the guest.
var salutationOf = map[string]string{
	"mr": "Mr", "mister": "Mr", "ms": "Ms", "miss": "Ms", "mrs": "Mrs", "mx": "Mx", "dr": "Dr", "doctor": "Dr",
	"prof": "Prof", "professor": "Prof", "bapak": "Bapak", "bpk": "Bapak", "pak": "Bapak", "tuan": "Bapak",
	"tn": "Bapak", "ibu": "Ibu", "bu": "Ibu", "nyonya": "Ibu", "ny": "Ibu", "nona": "Ibu", "nn": "Ibu",
}

// languageOf reads a language as exports write it: its ISO 639-1 code, its English name,
// its own name ("svenska") or its Indonesian one ("Swedia"), for every language with a
// code, and the Indonesian words in common use.
var languageOf = func() map[string]string {
	m := map[string]string{"indonesian": "id", "indonesia": "id", "inggris": "en", "mandarin": "zh", "cina": "zh",
		"tionghoa": "zh", "jepang": "ja", "korea": "ko", "arab": "ar", "rusia": "ru", "jerman": "de", "perancis": "fr",
		"prancis": "fr", "spanyol": "es", "belanda": "nl", "melayu": "ms", "thailand": "th", "thai": "th",
		"norwegian": "no", "norsk": "no", "norwegia": "no"}
	english, indonesian := display.English.Languages(), display.Languages(language.Indonesian)
	for _, code := range isoLanguages() {
		t := language.Make(code)
		for _, name := range []string{english.Name(t), display.Self.Name(t), indonesian.Name(t)} {
			if k := headerKey(name); k != "" {
				if _, taken := m[k]; !taken {
					m[k] = code
				}
			}
		}
	}
	for _, l := range Languages {
		m[headerKey(l.Name)] = l.Code
	}
	for _, code := range isoLanguages() {
		m[code] = code // a code means itself, whatever a name folds to
	}
	return m
}()

var tierOf = map[string]Tier{"": TierNone, "none": TierNone, "no": TierNone, "silver": TierSilver, "perak": TierSilver,
	"gold": TierGold, "emas": TierGold, "platinum": TierPlatinum}

var casinoOf = map[string]CasinoTier{"": CasinoNone, "none": CasinoNone, "no": CasinoNone, "gold": CasinoGold,
	"emas": CasinoGold, "platinum": CasinoPlatinum, "black": CasinoBlack, "hitam": CasinoBlack}

// stayStatusOf reads the reservation statuses PMS exports write.
var stayStatusOf = map[string]StayStatus{
	"expected": StayExpected, "reserved": StayExpected, "reservation": StayExpected, "confirmed": StayExpected,
	"duein": StayExpected, "due": StayExpected, "arrival": StayExpected, "tentative": StayExpected, "dipesan": StayExpected,
	"inhouse": StayInHouse, "checkedin": StayInHouse, "checkin": StayInHouse, "ci": StayInHouse, "menginap": StayInHouse,
	"departed": StayDeparted, "checkedout": StayDeparted, "checkout": StayDeparted, "co": StayDeparted,
	"out": StayDeparted, "past": StayDeparted, "selesai": StayDeparted, "pulang": StayDeparted,
	"cancelled": StayCancelled, "canceled": StayCancelled, "cancel": StayCancelled, "noshow": StayCancelled,
	"batal": StayCancelled, "dibatalkan": StayCancelled,
}

// vipValue reads a VIP cell: PMS exports write yes/no, 1/0 or a VIP code ("V1", "VVIP");
// any code but a "no" means VIP.
func vipValue(cell string) bool {
	switch headerKey(cell) {
	case "", "0", "no", "n", "false", "none", "tidak", "bukan", "f":
		return false
	}
	return true
}

// splitFullName reads a name cell: "Smith, John" (family first, as most PMS write it) or
// "John Smith" (the last word is the family name). A single word, as many Indonesian
// names are, is the family name so the guest is still listed by it.
func splitFullName(s string) (given, family string) {
	s = strings.TrimSpace(s)
	if f, g, ok := strings.Cut(s, ","); ok {
		return strings.TrimSpace(g), strings.TrimSpace(f)
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return "", s
	}
	return strings.Join(words[:len(words)-1], " "), words[len(words)-1]
}
