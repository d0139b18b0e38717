/**
 * The fixed catalogues the generator draws from: real ICD-10-CM and CPT codes
 * with their descriptions, specialties, departments and names. Weights are
 * relative frequencies; `specialties` lists the specialty codes that see a
 * code most (an empty list means any specialty).
 */

export interface SpecialtyRef {
  code: string
  name: string
  /** Department the specialty's providers usually work in (index into DEPARTMENTS). */
  department: number
  weight: number
}

export const SPECIALTIES: readonly SpecialtyRef[] = [
  { code: 'FM', name: 'Family Medicine', department: 0, weight: 14 },
  { code: 'IM', name: 'Internal Medicine', department: 1, weight: 14 },
  { code: 'ER', name: 'Emergency Medicine', department: 2, weight: 10 },
  { code: 'CARD', name: 'Cardiology', department: 3, weight: 7 },
  { code: 'PED', name: 'Pediatrics', department: 4, weight: 8 },
  { code: 'ORTH', name: 'Orthopedics', department: 5, weight: 6 },
  { code: 'OBGYN', name: 'Obstetrics & Gynecology', department: 6, weight: 6 },
  { code: 'NEUR', name: 'Neurology', department: 7, weight: 4 },
  { code: 'ONC', name: 'Oncology', department: 8, weight: 4 },
  { code: 'PULM', name: 'Pulmonology', department: 1, weight: 4 },
  { code: 'GI', name: 'Gastroenterology', department: 1, weight: 4 },
  { code: 'SURG', name: 'General Surgery', department: 9, weight: 6 },
  { code: 'PSY', name: 'Psychiatry', department: 10, weight: 5 },
  { code: 'NEPH', name: 'Nephrology', department: 11, weight: 3 },
  { code: 'ENDO', name: 'Endocrinology', department: 0, weight: 3 },
  { code: 'RAD', name: 'Radiology', department: 12, weight: 2 },
]

export interface DepartmentRef {
  name: string
  floor: number
  capacity: number
}

export const DEPARTMENTS: readonly DepartmentRef[] = [
  { name: 'Primary Care Clinic', floor: 1, capacity: 40 },
  { name: 'Internal Medicine Ward', floor: 4, capacity: 60 },
  { name: 'Emergency Department', floor: 1, capacity: 45 },
  { name: 'Cardiology Unit', floor: 3, capacity: 30 },
  { name: 'Pediatric Ward', floor: 2, capacity: 28 },
  { name: 'Orthopedic Center', floor: 2, capacity: 24 },
  { name: 'Women and Infants', floor: 5, capacity: 32 },
  { name: 'Neuroscience Unit', floor: 6, capacity: 20 },
  { name: 'Cancer Center', floor: 6, capacity: 26 },
  { name: 'Surgical Suite', floor: 3, capacity: 18 },
  { name: 'Behavioral Health', floor: 7, capacity: 22 },
  { name: 'Dialysis Unit', floor: 4, capacity: 16 },
  { name: 'Radiology & Imaging', floor: 0, capacity: 12 },
  { name: 'Intensive Care Unit', floor: 5, capacity: 14 },
]

export interface CodeRef {
  code: string
  description: string
  weight: number
  specialties: readonly string[]
}

export const ICD10: readonly CodeRef[] = [
  { code: 'I10', description: 'Essential (primary) hypertension', weight: 30, specialties: ['FM', 'IM', 'CARD'] },
  { code: 'E11.9', description: 'Type 2 diabetes mellitus without complications', weight: 22, specialties: ['FM', 'IM', 'ENDO'] },
  { code: 'E78.5', description: 'Hyperlipidemia, unspecified', weight: 18, specialties: ['FM', 'IM', 'CARD'] },
  { code: 'J06.9', description: 'Acute upper respiratory infection, unspecified', weight: 16, specialties: ['FM', 'PED', 'ER'] },
  { code: 'Z00.00', description: 'Encounter for general adult medical examination without abnormal findings', weight: 15, specialties: ['FM', 'IM'] },
  { code: 'Z00.129', description: 'Encounter for routine child health examination without abnormal findings', weight: 8, specialties: ['PED'] },
  { code: 'M54.5', description: 'Low back pain', weight: 12, specialties: ['FM', 'ORTH', 'ER'] },
  { code: 'R07.9', description: 'Chest pain, unspecified', weight: 10, specialties: ['ER', 'CARD'] },
  { code: 'I25.10', description: 'Atherosclerotic heart disease of native coronary artery without angina pectoris', weight: 8, specialties: ['CARD'] },
  { code: 'I50.9', description: 'Heart failure, unspecified', weight: 7, specialties: ['CARD', 'IM'] },
  { code: 'I48.91', description: 'Unspecified atrial fibrillation', weight: 6, specialties: ['CARD'] },
  { code: 'J44.1', description: 'Chronic obstructive pulmonary disease with (acute) exacerbation', weight: 6, specialties: ['PULM', 'IM'] },
  { code: 'J45.909', description: 'Unspecified asthma, uncomplicated', weight: 7, specialties: ['PULM', 'PED', 'FM'] },
  { code: 'J18.9', description: 'Pneumonia, unspecified organism', weight: 6, specialties: ['IM', 'PULM', 'ER'] },
  { code: 'N39.0', description: 'Urinary tract infection, site not specified', weight: 8, specialties: ['FM', 'ER', 'NEPH'] },
  { code: 'N18.3', description: 'Chronic kidney disease, stage 3 (moderate)', weight: 4, specialties: ['NEPH', 'IM'] },
  { code: 'K21.9', description: 'Gastro-esophageal reflux disease without esophagitis', weight: 7, specialties: ['GI', 'FM'] },
  { code: 'K35.80', description: 'Unspecified acute appendicitis', weight: 2, specialties: ['SURG', 'ER'] },
  { code: 'K80.20', description: 'Calculus of gallbladder without cholecystitis without obstruction', weight: 2, specialties: ['SURG', 'GI'] },
  { code: 'F32.9', description: 'Major depressive disorder, single episode, unspecified', weight: 8, specialties: ['PSY', 'FM'] },
  { code: 'F41.1', description: 'Generalized anxiety disorder', weight: 7, specialties: ['PSY', 'FM'] },
  { code: 'G43.909', description: 'Migraine, unspecified, not intractable, without status migrainosus', weight: 5, specialties: ['NEUR', 'FM'] },
  { code: 'I63.9', description: 'Cerebral infarction, unspecified', weight: 2, specialties: ['NEUR', 'ER'] },
  { code: 'G40.909', description: 'Epilepsy, unspecified, not intractable, without status epilepticus', weight: 2, specialties: ['NEUR'] },
  { code: 'S72.001A', description: 'Fracture of unspecified part of neck of right femur, initial encounter', weight: 2, specialties: ['ORTH', 'ER'] },
  { code: 'S93.401A', description: 'Sprain of unspecified ligament of right ankle, initial encounter', weight: 4, specialties: ['ORTH', 'ER'] },
  { code: 'M17.11', description: 'Unilateral primary osteoarthritis, right knee', weight: 4, specialties: ['ORTH'] },
  { code: 'C50.911', description: 'Malignant neoplasm of unspecified site of right female breast', weight: 2, specialties: ['ONC'] },
  { code: 'C34.90', description: 'Malignant neoplasm of unspecified part of unspecified bronchus or lung', weight: 2, specialties: ['ONC', 'PULM'] },
  { code: 'D64.9', description: 'Anemia, unspecified', weight: 5, specialties: ['IM', 'ONC', 'NEPH'] },
  { code: 'E03.9', description: 'Hypothyroidism, unspecified', weight: 6, specialties: ['ENDO', 'FM'] },
  { code: 'E66.9', description: 'Obesity, unspecified', weight: 6, specialties: ['FM', 'ENDO'] },
  { code: 'O80', description: 'Encounter for full-term uncomplicated delivery', weight: 3, specialties: ['OBGYN'] },
  { code: 'Z34.90', description: 'Encounter for supervision of normal pregnancy, unspecified, unspecified trimester', weight: 4, specialties: ['OBGYN'] },
  { code: 'A41.9', description: 'Sepsis, unspecified organism', weight: 2, specialties: ['IM', 'ER'] },
  { code: 'R51.9', description: 'Headache, unspecified', weight: 5, specialties: ['ER', 'NEUR', 'FM'] },
  { code: 'R10.9', description: 'Unspecified abdominal pain', weight: 7, specialties: ['ER', 'GI', 'SURG'] },
  { code: 'U07.1', description: 'COVID-19', weight: 3, specialties: ['IM', 'PULM', 'ER'] },
  { code: 'Z23', description: 'Encounter for immunization', weight: 6, specialties: ['PED', 'FM'] },
  { code: 'R94.31', description: 'Abnormal electrocardiogram [ECG] [EKG]', weight: 2, specialties: ['CARD', 'RAD'] },
]

export const CPT: readonly CodeRef[] = [
  { code: '99213', description: 'Office or other outpatient visit, established patient, low complexity', weight: 30, specialties: [] },
  { code: '99214', description: 'Office or other outpatient visit, established patient, moderate complexity', weight: 22, specialties: [] },
  { code: '99203', description: 'Office or other outpatient visit, new patient, low complexity', weight: 8, specialties: [] },
  { code: '99283', description: 'Emergency department visit, moderate severity', weight: 10, specialties: ['ER'] },
  { code: '99284', description: 'Emergency department visit, high severity', weight: 8, specialties: ['ER'] },
  { code: '99285', description: 'Emergency department visit, high severity with significant threat', weight: 4, specialties: ['ER'] },
  { code: '99222', description: 'Initial hospital inpatient care, moderate complexity', weight: 6, specialties: ['IM', 'CARD', 'PULM'] },
  { code: '99223', description: 'Initial hospital inpatient care, high complexity', weight: 4, specialties: ['IM', 'CARD', 'NEUR'] },
  { code: '99232', description: 'Subsequent hospital inpatient care, moderate complexity', weight: 6, specialties: ['IM'] },
  { code: '99238', description: 'Hospital discharge day management, 30 minutes or less', weight: 5, specialties: ['IM'] },
  { code: '99395', description: 'Periodic preventive medicine visit, established patient, 18-39 years', weight: 6, specialties: ['FM'] },
  { code: '99392', description: 'Periodic preventive medicine visit, established patient, age 1-4 years', weight: 4, specialties: ['PED'] },
  { code: '93000', description: 'Electrocardiogram, routine, with interpretation and report', weight: 12, specialties: ['CARD', 'ER', 'IM'] },
  { code: '93306', description: 'Echocardiography, transthoracic, complete, with Doppler', weight: 4, specialties: ['CARD'] },
  { code: '93458', description: 'Left heart catheterization with coronary angiography', weight: 1, specialties: ['CARD'] },
  { code: '71046', description: 'Radiologic examination, chest; 2 views', weight: 10, specialties: ['ER', 'PULM', 'RAD'] },
  { code: '70450', description: 'Computed tomography, head or brain; without contrast', weight: 4, specialties: ['ER', 'NEUR', 'RAD'] },
  { code: '74177', description: 'Computed tomography, abdomen and pelvis; with contrast', weight: 3, specialties: ['ER', 'GI', 'RAD'] },
  { code: '72148', description: 'Magnetic resonance imaging, spinal canal, lumbar; without contrast', weight: 2, specialties: ['ORTH', 'NEUR', 'RAD'] },
  { code: '73721', description: 'Magnetic resonance imaging, any joint of lower extremity; without contrast', weight: 2, specialties: ['ORTH', 'RAD'] },
  { code: '36415', description: 'Collection of venous blood by venipuncture', weight: 20, specialties: [] },
  { code: '80053', description: 'Comprehensive metabolic panel', weight: 14, specialties: [] },
  { code: '85025', description: 'Complete blood count with automated differential', weight: 14, specialties: [] },
  { code: '83036', description: 'Hemoglobin; glycosylated (A1C)', weight: 6, specialties: ['ENDO', 'FM', 'IM'] },
  { code: '81003', description: 'Urinalysis, automated, without microscopy', weight: 6, specialties: ['FM', 'NEPH', 'ER'] },
  { code: '90471', description: 'Immunization administration, one vaccine', weight: 6, specialties: ['PED', 'FM'] },
  { code: '90686', description: 'Influenza virus vaccine, quadrivalent, preservative free, intramuscular', weight: 5, specialties: ['PED', 'FM'] },
  { code: '94640', description: 'Pressurized or nonpressurized inhalation treatment', weight: 3, specialties: ['PULM', 'ER'] },
  { code: '96372', description: 'Therapeutic, prophylactic or diagnostic injection; subcutaneous or intramuscular', weight: 5, specialties: [] },
  { code: '12001', description: 'Simple repair of superficial wounds, 2.5 cm or less', weight: 3, specialties: ['ER'] },
  { code: '29515', description: 'Application of short leg splint (calf to foot)', weight: 2, specialties: ['ORTH', 'ER'] },
  { code: '27447', description: 'Arthroplasty, knee, condyle and plateau; total knee arthroplasty', weight: 1, specialties: ['ORTH'] },
  { code: '44970', description: 'Laparoscopy, surgical, appendectomy', weight: 1, specialties: ['SURG'] },
  { code: '47562', description: 'Laparoscopy, surgical; cholecystectomy', weight: 1, specialties: ['SURG'] },
  { code: '43239', description: 'Esophagogastroduodenoscopy, flexible, transoral; with biopsy', weight: 2, specialties: ['GI'] },
  { code: '45378', description: 'Colonoscopy, flexible; diagnostic', weight: 3, specialties: ['GI'] },
  { code: '59400', description: 'Routine obstetric care including antepartum care, vaginal delivery and postpartum care', weight: 2, specialties: ['OBGYN'] },
  { code: '90837', description: 'Psychotherapy, 60 minutes with patient', weight: 5, specialties: ['PSY'] },
  { code: '90935', description: 'Hemodialysis procedure with single evaluation', weight: 2, specialties: ['NEPH'] },
  { code: '96413', description: 'Chemotherapy administration, intravenous infusion; up to 1 hour', weight: 2, specialties: ['ONC'] },
]

export const FIRST_NAMES_F: readonly string[] = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa', 'Nancy',
  'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda', 'Melissa', 'Deborah',
  'Maria', 'Aisha', 'Mei', 'Priya', 'Fatima', 'Sofia', 'Olivia', 'Ama', 'Efua', 'Yuki', 'Ana', 'Grace',
]
export const FIRST_NAMES_M: readonly string[] = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Charles', 'Daniel',
  'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George',
  'Jose', 'Mohammed', 'Wei', 'Raj', 'Kwame', 'Kofi', 'Luis', 'Hiroshi', 'Ivan', 'Omar', 'Samuel', 'Noah',
]
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
  'Nguyen', 'Chen', 'Patel', 'Kim', 'Mensah', 'Owusu', 'Okafor', 'Tanaka', 'Ivanova', 'Cohen', 'Murphy', 'Rossi',
]
export const CREDENTIALS: readonly { value: string; weight: number }[] = [
  { value: 'MD', weight: 70 },
  { value: 'DO', weight: 12 },
  { value: 'NP', weight: 12 },
  { value: 'PA', weight: 6 },
]

export const ENCOUNTER_TYPES = ['Outpatient', 'Inpatient', 'ER'] as const
export type EncounterType = (typeof ENCOUNTER_TYPES)[number]

export const CLAIM_STATUSES: readonly { value: string; weight: number }[] = [
  { value: 'Paid', weight: 74 },
  { value: 'Partially Paid', weight: 6 },
  { value: 'Pending', weight: 8 },
  { value: 'Under Review', weight: 4 },
  { value: 'Denied', weight: 8 },
]
