package scale

import "frontdesk/guests"

// What staff write on profiles. Indonesian entries are what local staff type for
// Indonesian guests.
var prefTexts = map[guests.PreferenceCategory][]string{
	guests.PrefRoom: {"High floor, away from the lift", "Quiet room", "Non-smoking room only", "Pool view",
		"Corner room", "Low floor (does not like heights)", "Connecting rooms for the family", "Sea view",
		"Room near the casino lifts", "Kamar di lantai atas, jauh dari lift", "Kamar bebas asap rokok"},
	guests.PrefBedding: {"Feather-free pillows", "Twin beds", "King bed", "Extra pillow", "Firm pillows",
		"Extra blanket", "Baby crib", "Hypoallergenic bedding", "Rollaway bed for a child", "Bantal tanpa bulu"},
	guests.PrefFood: {"Halal meals", "Vegetarian", "Vegan", "No pork", "No beef", "Gluten-free bread at breakfast",
		"Decaf coffee in the room", "Green tea instead of coffee", "Congee at breakfast", "Kopi tanpa gula",
		"Sambal dipisah", "No MSG", "Jain meals: no root vegetables"},
	guests.PrefAmenities: {"Extra bottled water", "Fruit basket on arrival", "Iron and ironing board",
		"Extra towels for the pool", "Prayer mat and qibla direction card", "Air purifier in the room",
		"Coffee machine with extra capsules", "Daily newspaper", "Air mineral tambahan"},
	guests.PrefService: {"Late checkout when possible", "Early check-in when possible", "No turndown service",
		"Do not disturb before 10:00", "Airport pickup on arrival", "Invoice to the company by e-mail only",
		"Housekeeping in the afternoon only", "Prefers English-speaking staff", "Check-out lebih siang jika memungkinkan"},
	guests.PrefCasino: {"Baccarat table, non-smoking area", "Blackjack, high-limit room", "Roulette, likes table 3",
		"Private gaming salon when available", "Limousine arranged by the casino host", "Inform casino host on arrival",
		"Sic bo, main floor", "Meja baccarat, area bebas rokok"},
	guests.PrefOther: {"Travels with a small dog (approved)", "Gym towel and water ready at 06:00",
		"No fragrance or air freshener in the room", "Brings own coffee machine: socket near the desk"},
}

var alertTexts = map[guests.AlertKind][]string{
	guests.AlertAllergy: {"Severe peanut allergy, carries an EpiPen", "Shellfish allergy (prawns, crab, lobster)",
		"Gluten intolerance (coeliac): tell the restaurant", "Latex allergy: housekeeping to use nitrile gloves",
		"Lactose intolerant", "Penicillin allergy", "Alergi udang dan kepiting", "Alergi kacang tanah"},
	guests.AlertAccessibility: {"Wheelchair user: accessible room with roll-in shower",
		"Hearing impaired: needs visual fire alarm", "Visually impaired, travels with a guide dog",
		"Uses a walking frame: room near the lift"},
	guests.AlertComplaint: {"Complained about AC noise on last stay", "Disputed minibar charges on last stay",
		"Room not ready at 15:00 on last stay; apology amenity given", "Complained about slow room service",
		"Unhappy with the view last time; promised pool view", "Keluhan: air panas tidak keluar saat menginap terakhir"},
	guests.AlertMedical: {"Diabetic: keep sugar-free snacks in the minibar", "Needs a fridge for insulin",
		"Heart condition: emergency contact on file", "Severe asthma: non-smoking floor only"},
	guests.AlertSecurity: {"Do not confirm the guest's stay or room number to callers",
		"Visitors only after the guest confirms by phone", "Barred from the casino floor: inform security"},
	guests.AlertOther: {"Do not call the room before 10:00", "Travels with a service dog"},
}

var occasionLabels = map[guests.OccasionKind][]string{
	guests.OccasionBirthday:    {"Spouse's birthday", "Daughter's birthday", "Son's birthday", "Ulang tahun istri"},
	guests.OccasionAnniversary: {"Wedding anniversary", "Ulang tahun pernikahan"},
	guests.OccasionCustom: {"Graduation", "Company anniversary", "Retirement day", "Honeymoon anniversary",
		"First stay with us", "Chinese New Year family dinner", "Syukuran rumah baru"},
}

var noteTexts = []string{"Pays by company credit card", "Travels with two young children",
	"Usually books through a travel agent", "Often extends the stay by a night", "Member of the golf club",
	"Junket group member: settle with the casino cage", "Tamu langganan sejak 2015", "Corporate rate via PT Surya Abadi"}

// requestTexts are what the agent types when logging a request, by category code.
var requestTexts = map[string][]string{
	"towels":       {"Two extra bath towels", "Pool towels for four", "Fresh hand towels", "Handuk tambahan 2"},
	"amenities":    {"Toothbrush and toothpaste", "Extra coffee capsules", "Slippers for a child", "Shaving kit", "Two bottles of water", "Phone charger (USB-C)"},
	"housekeeping": {"Room cleaning after 14:00", "Change the bed linen", "Turndown now please", "Spilled coffee on the carpet", "Empty the bins"},
	"maintenance":  {"AC not cooling", "Toilet keeps running", "TV remote not working", "No hot water in the shower", "Door lock battery low", "Light above the desk flickers", "AC berisik"},
	"room_service": {"Breakfast for two at 07:30", "Club sandwich and fries", "Bottle of champagne on ice", "Nasi goreng, not spicy", "Hot water and lemon", "Kids' menu: pasta"},
	"wake_up":      {"Wake-up call", "Wake-up call, second call 10 minutes later"},
	"transport":    {"Taxi to the airport", "Limousine to the ferry terminal", "Airport pickup for a friend", "Car to the convention centre"},
	"restaurant":   {"Table for four at the steakhouse, 19:30", "Window table at the Chinese restaurant", "Birthday cake for dinner tonight", "Reservation at the rooftop bar"},
	"luggage":      {"Collect luggage from the room", "Store three bags after check-out", "Deliver parcel to the room"},
	"complaint":    {"Noise from the next room", "Charged twice for the minibar", "Room smells of smoke", "Waited 40 minutes for room service", "Unfriendly staff at the pool bar"},
	"lost_found":   {"Left a jacket at the restaurant", "Lost earring in the spa", "Phone left in the taxi"},
	"casino_host":  {"Credit line review", "Comp dinner for the table", "Private salon for baccarat tonight", "Meet the host about the tournament"},
	"other":        {"Late checkout at 14:00", "Print boarding passes", "Extra key card", "Umbrella to borrow", "Parcel to send by courier"},
}

// categoryWeights is how often each default category is asked for; categories a
// property added get a small share.
var categoryWeights = map[string]int{
	"towels": 14, "amenities": 12, "housekeeping": 13, "maintenance": 10, "room_service": 12, "wake_up": 7,
	"transport": 6, "restaurant": 6, "luggage": 6, "complaint": 4, "lost_found": 1, "casino_host": 4, "other": 4,
}

var (
	cancelReasons = []string{"Guest no longer needs it", "Guest asked at the desk instead", "Logged twice", "Guest checked out"}
	closeReasons  = []string{"Guest checked out before the follow-up; department confirmed", "Resolved with the guest at the desk"}
	unhappyNotes  = []string{"Took too long", "Still not working", "Wrong order", "Staff were rude", "Not what was promised"}
	reopenReasons = []string{"Guest called again: problem is back", "Not done properly"}
)
